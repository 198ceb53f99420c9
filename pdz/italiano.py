"""The words click and typer print around pdz's own (Usage, Options, Missing argument…) in
Italian, whatever the system's locale: a person reads one language. click and typer look most
of these up through gettext at call time, so their modules' `_` is pointed at this table; the
few that typer's own copy of click writes literally are rephrased where they are printed. A
message not known here stays as it was; if typer changes its internals, English comes back,
never an error."""
from __future__ import annotations

import re

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


# usage errors typer's copy of click words literally: (pattern, Italian)
ERRORI = [
    (r"^Missing argument '(.+)'\.$", r"manca l'argomento \1"),
    (r"^Missing option '(.+)'\.$", r"manca l'opzione \1"),
    (r"^No such option: (.+)$", r"opzione sconosciuta: \1"),
    (r"^Invalid value for (.+?): (.+)$", r"valore non valido per \1: \2"),
    (r"Input should be a valid integer.*$", "serve un numero intero"),
    (r" Did you mean '(.+)'\?$", r" Forse '\1'?"),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"argomenti in più: \1"),
]


def errore(message: str) -> str:
    for pattern, italian in ERRORI:
        message = re.sub(pattern, italian, message)
    return message


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
    _typer_literals()


def _typer_literals() -> None:
    try:
        from typer._click import core, exceptions, formatting
        from typer._click.utils import echo
    except ImportError:
        return

    try:
        write_usage = formatting.HelpFormatter.write_usage
        get_help_option = core.Command.get_help_option
        exceptions.UsageError.show, exceptions.ClickException.show  # noqa: B018 (they exist)
    except AttributeError:
        return

    def write_usage_it(self, prog, args='', prefix=None):
        return write_usage(self, prog, args, 'Uso: ' if prefix is None else prefix)

    def get_help_option_it(self, ctx):
        opt = get_help_option(self, ctx)
        if opt is not None:
            opt.help = 'Mostra questo aiuto ed esce.'
        return opt

    def show_usage_error(self, file=None):
        if self.ctx is not None:
            hint = ''
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = f"Aiuto: {self.ctx.command_path} {self.ctx.help_option_names[0]}\n"
            echo(f'{self.ctx.get_usage()}\n{hint}', file=file, err=file is None, color=self.ctx.color)
        echo(f'Errore: {errore(self.format_message())}', file=file, err=file is None)

    def show_error(self, file=None):
        echo(f'Errore: {errore(self.format_message())}', file=file, err=file is None)

    formatting.HelpFormatter.write_usage = write_usage_it
    core.Command.get_help_option = get_help_option_it
    exceptions.UsageError.show = show_usage_error
    exceptions.ClickException.show = show_error
