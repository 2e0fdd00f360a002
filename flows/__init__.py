"""Wiring: the nightly Prefect flow and the `chinasci` command. The only package importing Prefect."""
