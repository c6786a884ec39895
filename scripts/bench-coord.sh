#!/usr/bin/env bash
# Times `vigil coord` as one whole process per input (wall seconds and peak RSS from /usr/bin/time, as the
# peers were timed in coortweet-sample/expected/TIMINGS.md) on the CooRTweet sample data and on the scaled
# inputs built with the recipe in coortweet-sample/SOURCE.md (x10, x100, shift10), plus a 10-million-row
# input (russian x285). Prints a Markdown table; checks that every xN output is exactly N times the x1 one.
# Usage: scripts/bench-coord.sh [build/apps/cli/vigil]   (env: VIGIL_SHARED_DATA, BENCH_DIR, RUNS)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VIGIL=${1:-$ROOT/build/apps/cli/vigil}
DATA=${VIGIL_SHARED_DATA:-$ROOT/../shared/data}/coortweet-sample
WORK=${BENCH_DIR:-/tmp/vigil-coord-bench}
RUNS=${RUNS:-3}
mkdir -p "$WORK"

make_xn() {  # IN N OUT: the recipe's disjoint replicas
  [ -s "$3" ] && return 0
  awk -F, -v N="$2" 'NR==1{print;next}{row[++n]=$0;o[n]=$1;a[n]=$2;c[n]=$3;t[n]=$4}
   END{for(r=0;r<N;r++)for(i=1;i<=n;i++) if(r==0)print row[i];
   else printf "%s_r%d,%s_r%d,%s_r%d,%s\n",o[i],r,a[i],r,c[i],r,t[i]}' "$1" > "$3"
}
make_shift10() {  # IN OUT: the recipe's time-shifted replicas
  [ -s "$2" ] && return 0
  awk -F, -v N=10 -v P=20000000 'NR==1{print;next}{o[++n]=$1;a[n]=$2;c[n]=$3;t[n]=$4}
   END{for(r=0;r<N;r++)for(i=1;i<=n;i++) if(r==0)printf "%s,%s,%s,%d\n",o[i],a[i],c[i],t[i];
   else printf "%s,%s,%s_t%d,%d\n",o[i],a[i],c[i],r,t[i]+r*P}' "$1" > "$2"
}

declare -A SRC=([russian]=russian_coord_tweets.csv [german_urls]=german_elections_urls.csv)
inputs=()
for base in russian german_urls; do
  in="$DATA/${SRC[$base]}"
  cp -f "$in" "$WORK/${base}_x1.csv"
  make_xn "$in" 10 "$WORK/${base}_x10.csv"
  make_xn "$in" 100 "$WORK/${base}_x100.csv"
  make_shift10 "$in" "$WORK/${base}_shift10.csv"
  inputs+=("${base}_x1" "${base}_x10" "${base}_x100" "${base}_shift10")
done
make_xn "$DATA/russian_coord_tweets.csv" 285 "$WORK/russian_x285.csv"
inputs+=(russian_x285)

echo "| input | rows | wall s (best of $RUNS) | CPU s (user+sys) | peak RSS MB | pairs | vertices | edges | over threshold | components |"
echo "|---|---|---|---|---|---|---|---|---|---|"
declare -A PAIRS EDGES
for name in "${inputs[@]}"; do
  best=""; rss=""; cpu=""
  for ((run = 0; run < RUNS; run++)); do
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/$name.time" "$VIGIL" coord "$WORK/$name.csv" -o "$WORK/out_$name" \
      --community components > "$WORK/$name.log"
    read -r wall kb user sys < "$WORK/$name.time"
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then
      best=$wall; rss=$kb; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')
    fi
  done
  rows=$(sed -n 's/^\([0-9]*\) rows read.*/\1/p' "$WORK/$name.log")
  read -r pairs vertices edges over comps < <(sed -n \
    's/^\([0-9]*\) coordinated pairs, \([0-9]*\) accounts, \([0-9]*\) edges (\([0-9]*\) over.*, \([0-9]*\) components.*/\1 \2 \3 \4 \5/p' \
    "$WORK/$name.log")
  PAIRS[$name]=$pairs; EDGES[$name]=$edges
  printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" "$name" "$rows" "$best" "$cpu" "$((rss / 1024))" \
    "$pairs" "$vertices" "$edges" "$over" "$comps"
done
for base in russian german_urls; do
  for n in 10 100; do
    if [ "${PAIRS[${base}_x$n]}" -ne $((n * PAIRS[${base}_x1])) ] || [ "${EDGES[${base}_x$n]}" -ne $((n * EDGES[${base}_x1])) ]; then
      echo "MISMATCH: ${base}_x$n is not exactly $n times ${base}_x1" >&2; exit 1
    fi
  done
done
echo
echo "xN outputs are exactly N times the x1 outputs (pairs and edges). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
