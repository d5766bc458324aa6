"""The rooms of DESIGN.md ("Layout") import one way, top to bottom:

    config → pages, api, search → discussions, teams, governance → playbook → core

Apps on the same line do not import each other, and no two modules import each other.
This test reads every module's imports (with ast, so imports inside functions count too)
and names each offence."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = [
    {"config"},
    {"pages", "api", "search"},
    {"discussions", "teams", "governance"},
    {"playbook"},
    {"core"},
]
LEVEL = {room: depth for depth, rooms in enumerate(LAYERS) for room in rooms}
MAX_LINES = 400


def project_modules():
    for room in LEVEL:
        folder = ROOT / room
        if folder.is_dir():
            for path in sorted(folder.rglob("*.py")):
                if "migrations" not in path.parts:
                    yield path


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            # `from core import kinds` imports the module core.kinds.
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] in LEVEL}


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in project_modules()}
    return {
        name: {target for target in imported_modules(path) if target in modules}
        for name, path in modules.items()
    }


def layer_offences(graph) -> list[str]:
    offences = []
    for source, targets in graph.items():
        room = source.split(".")[0]
        for target in targets:
            other = target.split(".")[0]
            if other == room:
                continue
            if LEVEL[other] < LEVEL[room]:
                offences.append(f"{source} imports {target}: {other} is a higher room")
            elif LEVEL[other] == LEVEL[room]:
                offences.append(f"{source} imports {target}: {room} and {other} are peers")
    return sorted(offences)


def circles(graph) -> list[str]:
    """Every cycle's first back edge found by a depth-first walk (pairs and longer)."""
    found, state = [], {}

    def walk(node, stack):
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                cycle = stack[stack.index(target) :] + [target]
                found.append(" → ".join(cycle))
            elif target not in state:
                walk(target, [*stack, target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            walk(node, [node])
    return found


def test_imports_follow_the_layer_order():
    offences = layer_offences(import_graph())
    assert offences == [], "\n".join(offences)


def test_no_modules_import_each_other():
    found = circles(import_graph())
    assert found == [], "\n".join(found)


def test_the_checks_catch_what_they_look_for():
    graph = {
        "core.kinds": {"playbook.models"},
        "teams.views": {"governance.models"},
        "playbook.models": {"playbook.revisions"},
        "playbook.revisions": {"playbook.models"},
    }
    assert layer_offences(graph) == [
        "core.kinds imports playbook.models: playbook is a higher room",
        "teams.views imports governance.models: teams and governance are peers",
    ]
    assert circles(graph) == ["playbook.models → playbook.revisions → playbook.models"]


def test_no_module_is_longer_than_the_limit():
    paths = [*project_modules(), *(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
    long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in paths
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert long == [], "\n".join(long)
