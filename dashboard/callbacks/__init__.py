"""Behaviour, one module per page; `register_all` attaches every callback to an app."""

from __future__ import annotations

import dash


def register_all(app: dash.Dash) -> None:
    from dashboard.callbacks import cluster, metric, metrics, overview, shell

    for module in (shell, overview, cluster, metric, metrics):
        module.register(app)
