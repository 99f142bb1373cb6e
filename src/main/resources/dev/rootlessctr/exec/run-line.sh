# Runs one line the learner typed, then records where it left the shell so the next line starts
# there: the working directory and the exported environment, NUL-separated.
__rctr_state=$RCTR_STATE
__rctr_line=$RCTR_LINE
if [ -n "$RCTR_SIZE" ]; then stty $RCTR_SIZE 2>/dev/null; fi
if [ -n "$RCTR_SHELL" ]; then export SHELL="$RCTR_SHELL"; else unset SHELL; fi
unset RCTR_STATE RCTR_LINE RCTR_SIZE RCTR_SHELL RCTR_SCRIPT
# Builtins only (compgen, printf): no extra process after every line.
trap '__rctr_rc=$?; { printf "%s\0" "$PWD"; for __rctr_v in $(compgen -e); do printf "%s=%s\0" "$__rctr_v" "${!__rctr_v}"; done; } > "$__rctr_state"; exit $__rctr_rc' EXIT
eval "$__rctr_line"
