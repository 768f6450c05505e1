"""The deploy workflow is valid, pinned and least-privilege, and CI runs the README's
test command."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from sitekit import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert Path(found).exists(), "actionlint is missing: it comes from requirements-test.txt"
    return found


def test_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow in .github/workflows"
    result = subprocess.run([actionlint(), *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"actionlint found problems:\n{result.stdout}{result.stderr}"


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    result = subprocess.run([actionlint(), str(bad)], capture_output=True, text=True)
    assert result.returncode != 0


def test_actions_are_pinned_by_sha_and_permissions_are_least():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for ref in re.findall(r"uses:\s*([^\s#]+)", text):
            assert re.search(r"@[0-9a-f]{40}$", ref), f"{path.name}: {ref} is not pinned to a commit SHA"
        flow = yaml.safe_load(text)
        assert flow.get("permissions") == {}, f"{path.name}: set top-level `permissions: {{}}`"
        for name, job in flow["jobs"].items():
            perms = job.get("permissions", {})
            assert set(perms.values()) <= {"read", "write"}, (name, perms)
            writes = {k for k, v in perms.items() if v == "write"}
            assert writes <= {"pages", "id-token"}, f"{path.name}: job {name} may write {writes}"


def test_pages_deploy_uses_the_official_actions():
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "actions/upload-pages-artifact@" in text and "actions/deploy-pages@" in text
    assert "SITE_URL" in text, "the workflow must set the published address"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"Run every check.*?```(?:sh|bash)?\n(.+?)\n```", readme, re.S)
    assert match, "README.md must show the test command under a heading or line 'Run every check'"
    command = match.group(1).strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines(), f".ci/run must call the README's test command {command!r}"
