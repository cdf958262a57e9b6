"""Writing the site so that a crash never leaves a half-published site behind.

One mechanism for every run, one rule: *until the commit point, the previous
site is untouched; after it, the next run (or the next start of any command)
finishes the job*; and a file Newsdesk did not write is never touched.

Changed files are staged under ``<output>/.newsdesk/staging/``, then a journal
``<output>/.newsdesk/journal.json`` listing the moves (staged file -> path) and
the deletions is written atomically (temp file, fsync, rename): that rename is
the commit point.  The journal is applied with one ``os.replace`` per file
(atomic per file) and then removed.  A run killed before the commit leaves only
the staging folder, which the next run deletes; a run killed while applying
leaves the journal, which the next run applies again (idempotent: files already
moved are skipped).  The state file ``.newsdesk/state.json`` is one of the
moves, so it says what the site shows once the journal is applied.

Incremental run (one or a few articles changed)
    Only changed files are staged (numbered, each fsynced; a run of thousands
    syncs their file system once); files whose content did not change are not
    rewritten, so their modification times stay.

Full build (first publish, changed settings or templates, or on request)
    Every file is rendered; those the site already holds byte for byte are left
    as they are, the others staged (numbered) and moved one by one, except in
    folders the site does not have yet: those are staged as a tree and moved in
    with one rename of their top folder (a first build is a few renames).  The
    deletions are the files the previous run wrote (the state lists them) that
    the new site no longer has.
    Files somebody else put into the folder (``CNAME``, ``.git/``, ``images/``)
    stay, as with Jekyll or Hugo.  Folders left empty by a deletion are removed.

Sites written by older versions (a build folder swapped in beside the output
folder) are recovered as before: see :func:`recover`.

``.newsdesk/`` inside the output folder holds the publisher's state (which
articles are where, which files it wrote); it contains nothing secret but need
not be uploaded.  Concurrent publish runs on one output folder are serialised by
a lock file next to it (``.<name>.newsdesk.lock``, POSIX only).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import shutil
import stat
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from editor.core.publishing.errors import OutputFolderError, UnsafePathError
from editor.core.publishing.layout import safe_join

CONTROL_DIR = ".newsdesk"
STATE_FILE = f"{CONTROL_DIR}/state.json"
_JOURNAL = "journal.json"
_STAGING = "staging"
_TREE = "tree"  # staged folders the site does not have yet


def build_dir_for(output: Path) -> Path:
    return output.with_name(f".{output.name}.newsdesk-build")


def old_dir_for(output: Path) -> Path:
    return output.with_name(f".{output.name}.newsdesk-old")


def lock_file_for(output: Path) -> Path:
    return output.with_name(f".{output.name}.newsdesk.lock")


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    # Makes a rename durable; directories cannot be opened on Windows.
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            _fsync_file(path)


# Up to this many files are synced one by one; more (the recent posts of every page of
# a language) with one syncfs() of their file system, which costs about as much as one.
_FSYNC_EACH_UP_TO = 64


def _sync_files(folder: Path, paths: list[Path]) -> None:
    """Make ``paths`` (files in ``folder``) durable."""
    if len(paths) > _FSYNC_EACH_UP_TO and _syncfs(folder):
        return
    # Side by side, so that the file system can commit them together.
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(_fsync_file, paths))


def _syncfs(folder: Path) -> bool:
    """Flush the file system holding ``folder`` (Linux); ``False`` where not possible."""
    syncfs = _libc_function("syncfs")
    if syncfs is None:
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        return bool(syncfs(fd) == 0)
    finally:
        os.close(fd)


def _libc_function(name: str) -> Any:
    if not sys.platform.startswith("linux"):
        return None
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return None
    return getattr(ctypes.CDLL(libc_name, use_errno=True), name, None)


def _write_bytes(path: Path, data: bytes, *, durable: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        if durable:
            handle.flush()
            os.fsync(handle.fileno())


def _remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


# --- atomic folder exchange --------------------------------------------------

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step where the OS allows it (Linux)."""
    renameat2 = _libc_function("renameat2")
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def swap_in(build: Path, output: Path) -> None:
    """Make the complete ``build`` folder the output folder; delete the old site."""
    old = old_dir_for(output)
    if not output.exists():
        os.rename(build, output)
    elif _exchange(build, output):
        _remove_tree(build)  # now holds the previous site
    else:
        os.rename(output, old)
        # A crash here leaves no output folder; recover() finishes the swap.
        os.rename(build, output)
        _remove_tree(old)
    _fsync_dir(output.parent)


# --- recovery ------------------------------------------------------------------


def recover(output: Path) -> None:
    """Finish or undo whatever an interrupted run left behind."""
    build, old = build_dir_for(output), old_dir_for(output)
    if not output.exists() and old.exists():
        if (build / STATE_FILE).is_file():
            os.rename(build, output)
        else:
            os.rename(old, output)
    for leftover in (build, old):
        if leftover.exists():
            _remove_tree(leftover)
    control = output / CONTROL_DIR
    if (control / _JOURNAL).is_file():
        _apply_journal(output)
    if (control / _STAGING).exists():
        _remove_tree(control / _STAGING)
    (control / (_JOURNAL + ".tmp")).unlink(missing_ok=True)


def _apply_journal(output: Path) -> None:
    control = output / CONTROL_DIR
    journal = json.loads((control / _JOURNAL).read_text(encoding="utf-8"))
    staging = control / _STAGING
    checked = _CheckedFolders(output)
    for move in journal["moves"]:
        # [staged name, path]; a journal of an older version named the path only
        staged_name, relative = move if isinstance(move, list) else (move, move)
        staged = staging / staged_name
        if staged.is_dir():  # a folder the site did not have when it was staged
            _move_folder_into_place(staged, relative, checked)
        elif staged.exists():  # (not: already moved when an earlier apply was cut short)
            _move_into_place(staged, checked.path(relative))
    for relative in journal["deletes"]:
        target = checked.path(relative)
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            target.unlink()
        _prune_empty_dirs(target.parent, output)
    _fsync_dir(output)
    (control / _JOURNAL).unlink()
    _remove_tree(staging)


def _move_into_place(staged: Path, target: Path) -> None:
    try:
        os.replace(staged, target)
    except FileNotFoundError:  # a new folder (most targets' folders exist: try first)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, target)


def _move_folder_into_place(staged: Path, relative: str, checked: _CheckedFolders) -> None:
    try:
        os.replace(staged, checked.path(relative))  # one rename for the whole tree
    except OSError:  # the folder appeared since (made by somebody): file by file
        for path in sorted(staged.rglob("*")):
            if not path.is_dir():
                inner = path.relative_to(staged).as_posix()
                _move_into_place(path, checked.path(f"{relative}/{inner}"))


class _CheckedFolders:
    """Paths inside a folder, refusing any that a symbolic link would lead elsewhere.

    Resolving every path of a large run (``safe_join(..., follow_links=True)``) cost a
    dozen system calls a file; here each folder on the way is checked once per run, and
    folders that do not exist yet are made by the run itself.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._safe: set[Path] = {root}

    def path(self, relative: str) -> Path:
        target = safe_join(self.root, relative, follow_links=False)  # the name's own checks
        unchecked = []
        folder = target.parent
        while folder not in self._safe:
            unchecked.append(folder)
            folder = folder.parent
        for folder in reversed(unchecked):
            try:
                is_link = stat.S_ISLNK(os.lstat(folder).st_mode)
            except FileNotFoundError:
                break  # the rest is made by this run, as real folders
            if is_link:
                raise UnsafePathError(f"Refusing to write outside the output folder: {relative!r}")
            self._safe.add(folder)
        return target


def _prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone): stop climbing
            return
        folder = folder.parent


# --- the two kinds of run ------------------------------------------------------


class _AbortOnError:
    """A write that undoes itself when the block it runs in raises before its commit
    point; after it, the journal stands and the next run finishes the job."""

    output: Path
    committed = False

    def abort(self) -> None:
        raise NotImplementedError

    def _commit_journal(self, moves: list[list[str]], deletes: list[str]) -> None:
        """Write the journal (the commit point) and apply it."""
        control = self.output / CONTROL_DIR
        journal = {"moves": moves, "deletes": deletes}
        temporary = control / (_JOURNAL + ".tmp")
        _write_bytes(temporary, json.dumps(journal).encode("utf-8"), durable=True)
        os.replace(temporary, control / _JOURNAL)  # the commit point
        # From here on an error leaves the staged files to the journal: the next run
        # (or command) applies it.
        self.committed = True
        _fsync_dir(control)
        _apply_journal(self.output)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is not None and not self.committed:
            self.abort()


class FullBuild(_AbortOnError):
    """Stage every file of a new site inside the output folder and apply it through
    the journal on commit, deleting only files the previous run wrote.

    A file whose folder exists in the site is staged flat and moved on its own (unless
    the site already holds the same bytes: then it is left, mtime and all); files in
    folders the site does not have yet are staged as a tree whose top folder is moved
    in with one rename (a first build: one rename a language, not one a file).
    """

    def __init__(self, output: Path) -> None:
        self.output = output
        self.staging = output / CONTROL_DIR / _STAGING
        self.written: list[str] = []
        self.moves: list[list[str]] = []
        self._moving: set[tuple[str, str]] = set()
        self._checked = _CheckedFolders(output)
        self._new_tops: dict[Path, Path | None] = {output: None}
        self._made_dirs: set[Path] = set()
        self._staged = 0
        if self.staging.exists():
            _remove_tree(self.staging)
        self.staging.mkdir(parents=True)

    def write(self, relative: str, data: bytes) -> list[str] | None:
        """Stage ``data`` for ``relative`` (perhaps in a worker process); returns the
        journal's move for it, to hand to :meth:`record` (``None``: nothing to move)."""
        target = self._checked.path(relative)
        top = self._new_top(target.parent)
        if top is None:
            with contextlib.suppress(OSError):
                if target.stat().st_size == len(data) and target.read_bytes() == data:
                    return None
            # Flat numbered names: no folder to make per file, none to remove.
            self._staged += 1
            name = f"{os.getpid()}-{self._staged}"
            staged = self.staging / name
            move = [name, relative]
        else:
            # The folder is new: no links to resolve; each folder is created once.
            staged = self.staging / _TREE / relative
            if staged.parent not in self._made_dirs:
                staged.parent.mkdir(parents=True, exist_ok=True)
                self._made_dirs.add(staged.parent)
            top_relative = top.relative_to(self.output).as_posix()
            move = [f"{_TREE}/{top_relative}", top_relative]
        with open(staged, "wb") as handle:
            handle.write(data)
        return move

    def _new_top(self, folder: Path) -> Path | None:
        """The highest folder on the way to ``folder`` that the site does not have yet
        (``None``: ``folder`` exists); each folder is looked at once a run."""
        if folder in self._new_tops:
            return self._new_tops[folder]
        top = self._new_top(folder.parent)
        if top is None and not os.path.lexists(folder):
            top = folder
        self._new_tops[folder] = top
        return top

    def record(self, relative: str, move: list[str] | None) -> None:
        """Take in what :meth:`write` staged for ``relative``."""
        self.written.append(relative)
        if move is not None and (key := (move[0], move[1])) not in self._moving:
            self._moving.add(key)
            self.moves.append(move)

    def commit(self, state: bytes, written_before: Iterable[str]) -> list[str]:
        """Apply the staged site; returns the files removed: those ``written_before``
        (by earlier runs) that the new site does not have and that were there."""
        _write_bytes(self.staging / STATE_FILE, state, durable=True)
        new = {*self.written, STATE_FILE}
        checked = _CheckedFolders(self.output)
        removed = sorted(path for path in set(written_before) - new if _is_file(checked, path))
        self._commit_journal([*self.moves, [STATE_FILE, STATE_FILE]], removed)
        return removed

    def abort(self) -> None:
        if self.staging.exists():
            _remove_tree(self.staging)


def _is_file(checked: _CheckedFolders, relative: str) -> bool:
    try:
        return checked.path(relative).is_file()
    except (UnsafePathError, OSError):
        return False  # behind a link, or a name no run would write: not ours to remove


class IncrementalUpdate(_AbortOnError):
    """Stage changed files inside the output folder and apply them via a journal."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.control = output / CONTROL_DIR
        self.staging = self.control / _STAGING
        self.moves: list[list[str]] = []  # [staged file name, path in the site]
        self.deletes: list[str] = []
        self._checked = _CheckedFolders(output)
        if self.staging.exists():
            _remove_tree(self.staging)
        self.staging.mkdir(parents=True)

    def current(self, relative: str) -> bytes | None:
        """What the site holds at ``relative`` now (``None``: nothing readable)."""
        try:
            return self._checked.path(relative).read_bytes()
        except OSError:
            return None

    def write(self, relative: str, data: bytes) -> bool:
        """Stage ``data`` for ``relative``; ``False`` when the file already holds it."""
        target = self._checked.path(relative)
        with contextlib.suppress(OSError):
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                return False
        self._stage(relative, data)
        return True

    def _stage(self, relative: str, data: bytes) -> None:
        # Numbered files in one flat folder: no folder to make per file, none to remove.
        name = str(len(self.moves))
        with open(self.staging / name, "wb") as handle:
            handle.write(data)
        self.moves.append([name, relative])

    def delete(self, relative: str) -> None:
        self._checked.path(relative)
        self.deletes.append(relative)

    def commit(self, state: bytes) -> None:
        self._stage(STATE_FILE, state)
        # Every staged file must be on disk before the journal names it.
        _sync_files(self.staging, [self.staging / name for name, _ in self.moves])
        self._commit_journal(self.moves, self.deletes)

    def abort(self) -> None:
        if self.staging.exists():
            _remove_tree(self.staging)


@contextlib.contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Serialise publish runs on one output folder (best effort, POSIX only)."""
    try:
        import fcntl
    except ImportError:  # Windows: the app runs one publish at a time anyway
        yield
        return
    try:
        handle = open(lock_file_for(output), "a+b")  # noqa: SIM115 - held for the whole run
    except OSError as error:
        raise OutputFolderError(
            f"Cannot create files next to the output folder {output}: {error.strerror}."
        ) from error
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
