"""CREATE TABLE statements generated from the pydantic models (models/), so the schema is
defined once. Existing warehouses gain new columns, and changed column types, with ALTER TABLE."""
from __future__ import annotations

import datetime as dt
import types
import typing

from models import TABLES
from models.schema import Row


def sql_type(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return sql_type(args[0])
    if origin is typing.Literal:
        return 'VARCHAR'
    if origin is list:
        return sql_type(args[0]) + '[]'
    return {str: 'VARCHAR', int: 'INTEGER', float: 'DOUBLE', bool: 'BOOLEAN',
            dt.datetime: 'TIMESTAMP', dt.date: 'DATE'}[annotation]


def columns(model: type[Row]) -> list[tuple[str, str]]:
    return [(name, sql_type(f.annotation)) for name, f in model.model_fields.items()]


def create_table(model: type[Row]) -> str:
    cols = ',\n  '.join(f'{n} {t}' for n, t in columns(model))
    return f'CREATE TABLE IF NOT EXISTS {model.__table__} (\n  {cols}\n)'


def ensure_schema(con) -> None:
    for model in TABLES:
        con.execute(create_table(model))
        have = dict(con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main'",
            [model.__table__]).fetchall())
        for name, typ in columns(model):
            if name not in have:
                con.execute(f'ALTER TABLE {model.__table__} ADD COLUMN {name} {typ}')
            elif have[name] != typ:          # a column whose type the models changed
                con.execute(f'ALTER TABLE {model.__table__} ALTER COLUMN {name} TYPE {typ}')
