"""Sync between devices through a folder a sync tool keeps in step.

Pure Python, no Textual and no TinyDB, and independent of the store's internals:
``hlc`` (the change stamp), ``change`` (the one change record), ``merge`` (a replica that
applies changes), ``crypto`` (age keys, sender check, pairing code), ``folder`` (the shared
folder's layout), ``engine`` (a round), ``pairing`` (start, join, confirm, leave).
See docs/data-format.md (the folder) and docs/security.md (the threat model).
"""
