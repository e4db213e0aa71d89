"""asyncssh, imported without the warning that cryptography gives on every import of it
(DSA will go): an operator would read it on every start. We never offer DSA (our host
key is ed25519)."""

import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="DSA is deprecated")
    import asyncssh

__all__ = ["asyncssh"]
