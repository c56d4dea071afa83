"""Starts moto server on loopback after importing the project's moto plug-ins.

moto builds its CloudFormation model map from CloudFormationModel.__subclasses__() on first use,
so plug-in modules must be imported before the server handles a request. Each module in
plugins/ is imported in name order.
"""
import importlib
import pkgutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def load_plugins() -> None:
    import plugins

    for module in sorted(pkgutil.iter_modules(plugins.__path__), key=lambda m: m.name):
        importlib.import_module(f"plugins.{module.name}")


if __name__ == "__main__":
    load_plugins()
    from moto.server import main

    main(["-H", "127.0.0.1", "-p", sys.argv[1]])
