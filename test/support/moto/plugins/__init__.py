"""moto plug-ins that close the emulator's gaps listed in ../shared/docs/aws-emulator-notes.md."""
