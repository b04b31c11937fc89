# bash completion for ecoscore: commands, then each command's options, read
# from the program's own --help so that they never go stale; file names
# elsewhere.
_ecoscore() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd="" word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      -*) ;;
      *) cmd=$word; break ;;
    esac
  done
  case $prev in
    --lang) COMPREPLY=($(compgen -W "ko en" -- "$cur")); return ;;
    --log-level) COMPREPLY=($(compgen -W "trace debug info warn error off" -- "$cur")); return ;;
    --out|--rubric|--years) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "$(ecoscore --help 2>/dev/null | grep -o -- '--[a-z-]*' | sort -u)" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$(ecoscore --help 2>/dev/null | awk '/^Commands:/{f=1; next} /^$/{f=0} f{print $1}')" -- "$cur"))
    fi
    return
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(ecoscore "$cmd" --help 2>/dev/null | grep -o -- '--[a-z-]*' | sort -u)" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _ecoscore ecoscore
