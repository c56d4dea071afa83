"""DB parameter groups as RDS keeps them, for the MySQL host-blocking check (moto 5.2.1).

moto's DescribeDBParameters lists only parameters someone has set (a default group is empty), with
no Source, AllowedValues or ApplyType, and ModifyDBParameterGroup changes default groups, which RDS
refuses. This plug-in:
- gives every MySQL-family group (mysql*, aurora-mysql*, mariadb*) `max_connect_errors` as RDS
  lists it: Source `engine-default`, no value (the engine's 100), dynamic, modifiable, with the
  engine's allowed range; a modification makes it Source `user`;
- refuses ModifyDBParameterGroup on a `default.` group (InvalidParameterValue);
- ties the setting to the test world: when a group used by a database tagged
  `smooz:test-world-db` changes max_connect_errors with ApplyMethod `immediate` (a dynamic
  parameter), the real server gets `SET GLOBAL max_connect_errors`, and the world file records it
  (`serverVariables`), so a server restarted by a failover drill starts with the group's value.
  Aurora MySQL keeps the parameter in each member instance's group; the tag sits on the cluster.
  Associating another group with such an instance (ModifyDBInstance) applies that group's value at
  once: moto reports the group in sync at once, where RDS would wait for a reboot;
- on a moto reset (a fresh account: engine defaults again) sets the recorded variables back to
  the server's defaults and forgets them.
"""
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from moto.moto_api._internal.models import MotoAPIBackend
from moto.rds.exceptions import InvalidParameterValue
from moto.rds.models import DBParameterGroup, RDSBackend

WORLD_TAG = "smooz:test-world-db"
PARAMETER = "max_connect_errors"
ENGINE_DEFAULT = "100"


def _allowed_values(family: str) -> str:
    # MariaDB's maximum is 2^32-1; MySQL's (and Aurora MySQL's) is 2^64-1 on 64-bit servers.
    return "1-4294967295" if family.startswith("mariadb") else "1-18446744073709551615"


def _is_mysql_family(family: str | None) -> bool:
    return bool(family) and ("mysql" in family or family.startswith("mariadb"))


_original_init = DBParameterGroup.__init__
_original_update = DBParameterGroup.update_parameters


def _init(self: DBParameterGroup, *args: Any, **kwargs: Any) -> None:
    _original_init(self, *args, **kwargs)
    if _is_mysql_family(self.family):
        self.parameters[PARAMETER].update(
            {
                "ParameterName": PARAMETER,
                "Description": "If there is more than this number of interrupted connections "
                "from a host this host will be blocked from further connections.",
                "Source": "engine-default",
                "ApplyType": "dynamic",
                "DataType": "integer",
                "AllowedValues": _allowed_values(self.family or ""),
                "IsModifiable": True,
            }
        )


def _update(self: DBParameterGroup, new_parameters: Any) -> None:
    new_parameters = list(new_parameters)
    if self.name.startswith("default."):
        # RDS's own answer (InvalidParameterValue, 400), as field reports quote it.
        raise InvalidParameterValue("Cannot modify a default parameter group.")
    _original_update(self, new_parameters)
    for p in new_parameters:
        name = p.get("ParameterName")
        if name in self.parameters and "ParameterValue" in p:
            self.parameters[name]["Source"] = "user"
        if name == PARAMETER and p.get("ApplyMethod", "immediate") == "immediate":
            _reflect_on_world(_world_servers_using(self), str(p.get("ParameterValue")))


def _tags(resource: Any) -> dict[str, str]:
    return {t.get("Key"): t.get("Value") for t in getattr(resource, "tags", None) or []}


def _world_server_of(backend: Any, db: Any) -> str | None:
    cluster = backend.clusters.get(getattr(db, "db_cluster_identifier", None) or "")
    return _tags(db).get(WORLD_TAG) or (_tags(cluster).get(WORLD_TAG) if cluster else None)


def _world_servers_using(group: DBParameterGroup) -> set[str]:
    """The test-world servers (`mariadb`, …) behind databases whose parameters come from `group`."""
    servers: set[str] = set()
    for db in list(group.backend.databases.values()):
        try:
            uses = any(g.name == group.name for g in db.db_parameter_groups())
        except KeyError:  # its group was deleted
            uses = False
        server = _world_server_of(group.backend, db) if uses else None
        if server:
            servers.add(server)
    return servers


def _world() -> tuple[str, dict[str, Any]] | None:
    world_file = os.environ.get("SMOOZ_TEST_WORLD")
    if not world_file or not os.path.exists(world_file):
        return None
    return world_file, json.loads(Path(world_file).read_text())


def _set_globals(database: dict[str, Any], assignments: str) -> None:
    subprocess.run(
        [
            "mariadb",
            "--no-defaults",
            f"--socket={Path(database['dir']) / 'mariadb.sock'}",
            "-u",
            "root",
            f"--password={database['password']}",
            "-e",
            f"SET GLOBAL {assignments}",
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )


def _write_world(world_file: str, world: dict[str, Any]) -> None:
    temporary = f"{world_file}.rds-parameters.tmp"
    Path(temporary).write_text(json.dumps(world, indent=2))
    os.replace(temporary, world_file)


def _reflect_on_world(servers: set[str], value: str) -> None:
    found = _world()
    if "mariadb" not in servers or not value.isdigit() or not found:
        return
    world_file, world = found
    database = world["databases"]["mariadb"]
    _set_globals(database, f"{PARAMETER} = {value}")
    database["serverVariables"] = {**database.get("serverVariables", {}), PARAMETER: value}
    _write_world(world_file, world)


_original_modify_instance = RDSBackend.modify_db_instance


def _modify_instance(self: RDSBackend, db_instance_identifier: str, db_kwargs: dict[str, Any]) -> Any:
    database = _original_modify_instance(self, db_instance_identifier, db_kwargs)
    if "db_parameter_group_name" in db_kwargs:
        server = _world_server_of(self, database)
        group = self.db_parameter_groups.get(db_kwargs["db_parameter_group_name"])
        if server and group is not None:
            value = group.parameters.get(PARAMETER, {}).get("ParameterValue") or ENGINE_DEFAULT
            _reflect_on_world({server}, str(value))
    return database


_original_reset = MotoAPIBackend.reset


def _reset(self: MotoAPIBackend) -> None:
    _original_reset(self)
    found = _world()
    if not found:
        return
    world_file, world = found
    database = world["databases"].get("mariadb") or {}
    recorded = database.pop("serverVariables", None)
    if recorded:
        _set_globals(database, ", ".join(f"{name} = DEFAULT" for name in recorded))
        _write_world(world_file, world)


RDSBackend.modify_db_instance = _modify_instance  # type: ignore[method-assign]
MotoAPIBackend.reset = _reset  # type: ignore[method-assign]
DBParameterGroup.__init__ = _init  # type: ignore[method-assign]
DBParameterGroup.update_parameters = _update  # type: ignore[method-assign]
