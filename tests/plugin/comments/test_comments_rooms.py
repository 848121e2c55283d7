"""The comments app keeps to its rooms (blog/comments/__init__.py): a module imports only from
its own room and the rooms below it, no module imports one that imports it back, and no
import of the app hides in a function (but ``AppConfig.ready()``'s, as Django's apps do).
Read from the source, without importing it."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[3] / "blog" / "comments"
PACKAGE = "blog.comments"
# From the bottom up; a module outside these packages is the base, below them all.
ROOMS = ["moderation", "readers", "posting", "display"]
TOP = {"admin", "templatetags", "urls", "wagtail_hooks", "apps", "management"}


def modules():
    """{dotted name: (path, whether it is a package)}, migrations left out."""
    found = {}
    for path in APP.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = [PACKAGE, *path.relative_to(APP).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def room(module):
    first = module.removeprefix(PACKAGE).lstrip(".").split(".")[0]
    if first in TOP:
        return len(ROOMS) + 1
    return ROOMS.index(first) + 1 if first in ROOMS else 0


def imports(module, path, is_package, known):
    """(imported module of the app, the import statement, whether it is at the top level)."""
    tree = ast.parse(path.read_text())
    top_level = {id(node) for node in tree.body}
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name.startswith(PACKAGE) and name != module:
                yield name, node, id(node) in top_level


def graph():
    known = modules()
    edges, nested = {}, []
    for module, (path, is_package) in known.items():
        for target, node, at_top in imports(module, path, is_package, known):
            edges.setdefault(module, set()).add(target)
            if not at_top and not module.endswith(".apps"):
                nested.append(f"{module}: {ast.unparse(node)}")
    return known, edges, nested


def test_no_module_imports_a_room_above_its_own():
    _known, edges, _nested = graph()
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in edges.items()
        for target in targets
        if room(target) > room(module)
    )
    assert upward == []


def test_no_import_loop_and_none_hidden_in_a_function():
    known, edges, nested = graph()
    assert nested == []
    # Depth-first: a module met again while it is still being walked closes a loop.
    state, loops = {}, []

    def walk(module, trail):
        state[module] = "walking"
        for target in sorted(edges.get(module, ())):
            if state.get(target) == "walking":
                loops.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                walk(target, [*trail, target])
        state[module] = "done"

    for module in sorted(known):
        if module not in state:
            walk(module, [module])
    assert loops == []


def test_the_check_sees_the_imports_it_judges():
    """A check that read no imports would pass whatever the code did."""
    _known, edges, _nested = graph()
    assert f"{PACKAGE}.moderation.permissions" in edges[f"{PACKAGE}.moderation.notifications"]
    assert f"{PACKAGE}.posting.form" in edges[f"{PACKAGE}.display.discussion"]
    assert room(f"{PACKAGE}.display.discussion") > room(f"{PACKAGE}.posting.form")
