"""Browser-test helpers: axe-core from tests/browser/node_modules, screenshots into
artifacts/screenshots (git-ignored), console errors. The chromium options and the shared `app`
and `warehouse_at` fixtures are in tests/conftest.py, so every test folder uses one app."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def run_axe(dash_duo) -> list[dict]:
    """Serious and critical axe-core violations on the current page."""
    driver = dash_duo.driver
    driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    violations = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical',"
        " description: String(e), nodes: []}]));"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v.get("help", v.get("description")),
            "nodes": [n["target"] for n in v["nodes"][:5]],
        }
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def screenshot(dash_duo, name: str) -> Path:
    """The 1366x768 view a person sees first, plus the whole page for reviewing charts."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver = dash_duo.driver
    driver.set_window_size(1366, 768)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1366, min(int(height) + 100, 8000))
    driver.save_screenshot(str(SCREENSHOTS / f"{name}-full.png"))
    driver.set_window_size(1366, 768)
    return path


def console_errors(dash_duo) -> list:
    return [e for e in (dash_duo.get_logs() or []) if e.get("level") == "SEVERE"]
