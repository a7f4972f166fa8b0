"""The core never imports Textual or Rich; heavy libraries stay off the import path."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "reader"
UI_LIBRARIES = {"textual", "rich"}


def core_files() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "tui" not in p.relative_to(PACKAGE).parts]


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_core_module_imports_textual_or_rich() -> None:
    offenders = {str(p.relative_to(PACKAGE)): imported_roots(p) & UI_LIBRARIES for p in core_files()}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_every_core_module_loads_no_ui_library() -> None:
    modules = sorted(
        "reader." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for p in core_files()
        if p.name != "__main__.py"  # importing it runs the command line
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cli_start_up_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; import reader.cli, reader.content, reader.text\n"
        "heavy = {'textual', 'rich', 'opencc', 'pypinyin', 'trafilatura', 'charset_normalizer'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
