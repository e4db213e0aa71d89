"""Any file, safely: bounded reads of untrusted files that never block on a FIFO,
exclusive and atomic writes, and the crash log."""
