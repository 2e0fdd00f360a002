"""Wiring: the nightly Prefect flow and the `chinasci` command.

The only package that imports Prefect.
"""
