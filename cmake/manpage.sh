#!/bin/sh
# Writes ecoscore's man page: help2man on the program, with a section per
# command taken from `ecoscore COMMAND --help`. Usage: manpage.sh ECOSCORE OUT NAME
set -eu
bin=$1 out=$2 name=$3
include=$out.include
{
  echo "[COMMANDS]"
  "$bin" --help | awk '/^Commands:/{f=1; next} /^$/{f=0} f{print $1}' | while read -r cmd; do
    echo ".SS $cmd"
    echo ".nf"
    "$bin" "$cmd" --help | sed -e 's/\\/\\\\/g' -e 's/^\./\\\&./'
    echo ".fi"
  done
  echo "[FILES]"
  echo "Rubrics and JSON Schemas are installed in /usr/share/ecoscore; bash completion in /usr/share/bash-completion/completions."
} > "$include"
help2man --no-info --no-discard-stderr --section=1 --name="$name" --include="$include" --output="$out" "$bin"
