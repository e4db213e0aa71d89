"""The keys: who may log in (the authorized-keys file, read again when it changes) and
the server's own host key (made on first start)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from gebiedsplanner import APP_NAME
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.server_limits import HOST_KEY_LIMIT
from gebiedsplanner.disk.reading import os_problem, read_problem, read_untrusted
from gebiedsplanner.disk.writing import create_exclusive, private_folder
from gebiedsplanner.i18n import texts
from gebiedsplanner.ssh.advisers import Advisers, read_advisers
from gebiedsplanner.ssh.logbook import Logbook
from gebiedsplanner.ssh.quiet_asyncssh import asyncssh

HOST_KEY_NAME = "ssh_host_ed25519_key"


class KeyFile:
    """The authorized-keys file, read again when it changes (no restart to add someone)."""

    def __init__(self, path: Path, log: Logbook) -> None:
        self.path, self._log = path, log
        self._seen: tuple[int, int, int] | None = None
        self.advisers = Advisers((), ())
        self.current()
        if not self.advisers.advisers and self.advisers.problems:
            raise ProblemsError(list(self.advisers.problems))

    def current(self) -> Advisers:
        try:
            stat = os.stat(self.path)
            seen = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except OSError as error:
            problem = read_problem(str(self.path), error, "authorized-keys")
            if self._seen is None:
                raise ProblemsError([problem]) from None
            return self._revoked([problem], None)
        if seen != self._seen:
            try:
                self.advisers = read_advisers(self.path)
            except ProblemsError as error:
                if self._seen is None:
                    raise
                return self._revoked(error.problems, seen)
            self._seen = seen
            for problem in self.advisers.problems:
                self._log("keys-problem", problem=str(problem))
            self._log("keys", advisers=len(self.advisers.advisers), file=self.path)
        return self.advisers

    def _revoked(self, problems: list[Problem], seen: tuple[int, int, int] | None) -> Advisers:
        """The file is gone or cannot be read: nobody logs in until it can be. Removing
        the file must take access away, not leave the last list in force."""
        if self.advisers.advisers or self._seen != seen:
            for problem in problems:
                self._log("keys-unreadable", problem=str(problem))
        self.advisers, self._seen = Advisers((), tuple(problems)), seen
        return self.advisers



def host_key(path: Path | None, log: Logbook) -> asyncssh.SSHKey:
    """The server's key: ``path``, or the one in the data folder (made on first start)."""
    if path is None:
        folder = Path(platformdirs.user_data_dir(APP_NAME))
        path = folder / HOST_KEY_NAME
        if not os.path.lexists(path):
            key = asyncssh.generate_private_key("ssh-ed25519")
            try:
                create_exclusive(private_folder(folder) / HOST_KEY_NAME, key.export_private_key())
            except FileExistsError:
                pass  # another server made it meanwhile: read theirs
            except OSError as error:
                raise ProblemsError([os_problem(str(path), error, "host-key")]) from None
            else:
                log("host-key-made", file=path)
    data = read_untrusted(path, HOST_KEY_LIMIT, kind="host-key", follow_links=False)
    try:
        return asyncssh.import_private_key(data)
    except (asyncssh.KeyImportError, ValueError):
        raise ProblemsError(
            [Problem(str(path), "", texts.SSH_HOST_KEY_BAD, texts.FIX_HOST_KEY)]
        ) from None
