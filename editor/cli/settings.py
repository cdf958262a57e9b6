"""``newsdesk settings get|set``: the site settings kept in the archive, for automation.

    newsdesk settings get [KEY] [--json]     every setting, or one
    newsdesk settings set KEY VALUE [--json] check and store (an empty VALUE: the default)

Keys: site.name, site.base_url, site.languages ("de,en"; the first is the
default), site.default_language, site.templates, site.output.  A refused value
is one line on stderr (exit 2) and nothing is stored.  The person's own
settings (name shown as author, font, theme, shortcuts) are the window's.
"""

from __future__ import annotations

import argparse
from typing import Any

from editor.cli.common import EXIT_OK, CommandError, open_workspace, print_json


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("settings", help="the site's settings (name, base URL, languages …)")
    sub = p.add_subparsers(dest="settings_command", metavar="COMMAND", required=True)
    get = sub.add_parser("get", help="show every setting, or the one named")
    get.add_argument("key", nargs="?", metavar="KEY", help="e.g. site.base_url")
    get.add_argument("--json", action="store_true", help="JSON output")
    get.set_defaults(handler=cmd_settings_get)
    put = sub.add_parser("set", help="change a setting (checked first)")
    put.add_argument("key", metavar="KEY", help="e.g. site.base_url")
    put.add_argument("value", metavar="VALUE", help='the new value ("" for the default)')
    put.add_argument("--json", action="store_true", help="JSON output")
    put.set_defaults(handler=cmd_settings_set)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(value)
    return str(value) if value else "(default)"


def cmd_settings_get(args: argparse.Namespace) -> int:
    from editor.app.settings import SettingError

    workspace = open_workspace(args)
    try:
        if args.key is None:
            values = workspace.settings.values()
        else:
            values = {args.key: workspace.settings.get(args.key)}
    except SettingError as exc:
        raise CommandError(str(exc)) from None
    finally:
        workspace.close()
    if args.json:
        print_json(values[args.key] if args.key is not None else values)
    elif args.key is not None:
        print(_text(values[args.key]))
    else:
        width = max(len(key) for key in values)
        for key, value in values.items():
            print(f"{key:<{width}}  {_text(value)}")
    return EXIT_OK


def cmd_settings_set(args: argparse.Namespace) -> int:
    from editor.app.settings import SettingError

    workspace = open_workspace(args)
    try:
        stored = workspace.settings.set(args.key, args.value)  # as it takes effect: "" → default
    except SettingError as exc:
        raise CommandError(str(exc)) from None
    finally:
        workspace.close()
    if args.json:
        print_json({args.key: stored})
    else:
        print(f"{args.key} = {_text(stored)}")
    return EXIT_OK
