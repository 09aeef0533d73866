"""Behaviour, one module per page; `register_all` attaches every module's callbacks to an app.

Modules are discovered, so adding a page's callbacks never means editing a shared list; each
module exposes `register(app)`.
"""

from __future__ import annotations

import importlib
import pkgutil

import dash


def register_all(app: dash.Dash) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(app)
