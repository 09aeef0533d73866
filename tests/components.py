"""Looking inside Dash component trees in tests."""

from __future__ import annotations


def find(node: object, component_id: str) -> object:
    """The component with `component_id` in a Dash component tree."""
    if getattr(node, "id", None) == component_id:
        return node
    children = getattr(node, "children", None)
    if isinstance(node, list | tuple):
        children = node
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found = find(child, component_id)
            if found is not None:
                return found
    return None


def rows(table: object) -> list[list[str]]:
    """The body cells of a `components.data_table`, row by row."""
    body = table.children[2]
    return [[cell.children for cell in tr.children] for tr in body.children]
