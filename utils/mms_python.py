"""The Python interpreter with the packages setup.sh installed, for the module's Python tools.

setup.sh installs Debian's packages (python3-matplotlib) for Debian's interpreter,
/usr/bin/python3. A machine whose first python3 on PATH is another one (pyenv, a virtualenv,
conda) runs the tools on that one, which may lack them. require() imports a module and, when
this interpreter cannot, runs the tool again on one that can: the interpreter named by the
environment variable MMS_PYTHON, else /usr/bin/python3. Call it before the tool prints
anything (the tool starts again from the beginning). When none can, it raises ImportError
with a message that names the interpreters tried and what to do.

(The file name has an underscore, not the module's "mms-" prefix, so that the tools can
import it.)
"""

import importlib
import os
import subprocess
import sys

DEBIAN_PYTHON = "/usr/bin/python3"
# Set in the environment of a tool run again, so that it is run again at most once.
GUARD = "MMS_PYTHON_REEXEC"


def candidates():
    """The interpreters to try, in order: $MMS_PYTHON, then Debian's."""
    out = []
    for c in (os.environ.get("MMS_PYTHON"), DEBIAN_PYTHON):
        if c and c not in out:
            out.append(c)
    return out


def can_import(interpreter, module):
    """True when `interpreter` exists and imports `module`."""
    if not os.access(interpreter, os.X_OK):
        return False
    try:
        r = subprocess.run(
            [interpreter, "-c", "import %s" % module],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0


def require(module, package):
    """Import `module` (e.g. "matplotlib"); if this interpreter cannot, run the tool again on
    the first candidate that can (this call then does not return). `package` is the Debian
    package that provides the module, for the message."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        reason = e
    tried = []
    if not os.environ.get(GUARD):
        for interpreter in candidates():
            tried.append(interpreter)
            if can_import(interpreter, module):
                env = dict(os.environ)
                env[GUARD] = sys.executable or "python3"
                sys.stdout.flush()
                sys.stderr.flush()
                script = os.path.abspath(sys.argv[0])
                os.execve(interpreter, [interpreter, script] + sys.argv[1:], env)
    raise ImportError(
        "%s cannot import %s (%s)%s; setup.sh installs it for Debian's interpreter (Debian "
        "package %s): run the tool with %s, or name an interpreter that has it in MMS_PYTHON"
        % (
            sys.executable or "this Python",
            module,
            reason,
            (", and neither can " + " nor ".join(tried)) if tried else "",
            package,
            DEBIAN_PYTHON,
        )
    )
