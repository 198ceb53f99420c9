"""The words click and typer print around pdz's own (Usage, Options, Missing argument…) in
Italian, whatever the system's locale: a person reads one language. click and typer look these
up through gettext at call time, so their modules' `_` is pointed at this table; a message not
in it stays as it was."""
from __future__ import annotations

MESSAGGI = {
    'Usage:': 'Uso:',
    'Options': 'Opzioni',
    'Arguments': 'Argomenti',
    'Commands': 'Comandi',
    'Positional arguments': 'Argomenti posizionali',
    'Show this message and exit.': 'Mostra questo aiuto ed esce.',
    'Error: {message}': 'Errore: {message}',
    "Try '{command} {option}' for help.": "Aiuto: '{command} {option}'.",
    'Missing argument': 'Manca l’argomento',
    'Missing option': 'Manca l’opzione',
    'Missing parameter': 'Manca il parametro',
    'Missing parameter: {param_name}': 'Manca il parametro: {param_name}',
    'Missing {param_type}': 'Manca {param_type}',
    'Missing command.': 'Manca il comando.',
    'No such command {name!r}.': 'Comando sconosciuto {name!r}.',
    'No such option {name!r}.': 'Opzione sconosciuta {name!r}.',
    'Option {name!r} does not take a value.': "L'opzione {name!r} non vuole un valore.",
    'Argument {name!r} takes {nargs} values.': "L'argomento {name!r} vuole {nargs} valori.",
    'Invalid value for {param_hint}: {message}': 'Valore non valido per {param_hint}: {message}',
    'Invalid value: {message}': 'Valore non valido: {message}',
    'Could not open file {filename!r}: {message}': 'Impossibile aprire il file {filename!r}: {message}',
    'Aborted!': 'Interrotto.',
    'default: {default}': 'predefinito: {default}',
    'env var: {var}': 'variabile d’ambiente: {var}',
    'required': 'obbligatorio',
    'deprecated': 'deprecato',
    'unknown error': 'errore sconosciuto',
    '(dynamic)': '(dinamico)',
    'Did you mean {possibility}?': 'Forse {possibility}?',
    '(Did you mean one of: {possibilities}?)': '(Forse uno tra: {possibilities}?)',
    '{value!r} is not a valid {number_type}.': '{value!r} non è un {number_type} valido.',
    'integer': 'intero',
}


def traduci(message: str) -> str:
    return MESSAGGI.get(message, message)


def traduci_n(singular: str, plural: str, n: int) -> str:
    return traduci(singular if n == 1 else plural)


def installa() -> None:
    """Point click's and typer's message lookup (typer carries its own copy of click) at the
    Italian table."""
    import importlib
    import sys
    import gettext
    for name in ('click', 'typer._click'):
        for sub in ('core', 'decorators', 'exceptions', 'formatting', 'parser', 'types', 'termui', 'utils'):
            try:
                importlib.import_module(f'{name}.{sub}')
            except ImportError:
                continue
    import typer.core  # noqa: F401
    for name, mod in list(sys.modules.items()):
        if not (name.startswith(('click.', 'typer.')) or name in ('click', 'typer')) or mod is None:
            continue
        if getattr(mod, '_', None) is gettext.gettext:
            mod._ = traduci
        if getattr(mod, 'ngettext', None) is gettext.ngettext:
            mod.ngettext = traduci_n
