#!/bin/sh
# Re-create the bundled story from the four raw seed articles with the project's own importer.
# Nothing in the story is edited by hand: what the importer cannot clean is an importer bug.
#
#   content/make_bundled_story.sh [SEEDS_DIR]     (default: ../shared/seeds next to the repository)
#
# Only what the seed texts do not state is given as options, as the seeds' README records it:
# the outlets, and the date of the 每日经济新闻 article. URLs, the 私域商业观察 date, titles and
# languages come from the texts themselves; the English blog's outlet stays unknown.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
seeds=${1:-"$repo/../shared/seeds"}
story_id=xiaomi-wang-teng-dismissal
story_title="小米辞退王腾 / Xiaomi dismisses Wang Teng (September 2025)"

if [ -n "${PYTHON:-}" ]; then
    python=$PYTHON
elif [ -x "$repo/.venv/bin/python" ]; then
    python="$repo/.venv/bin/python"
else
    python=python3
fi
for seed in 000_a261d4577e5b12f4 001_3a47269144f304b9 002_65b40b41efa17a31 003_0b52fdfb1d7a7de7; do
    [ -f "$seeds/$seed.txt" ] || { echo "make_bundled_story: missing $seeds/$seed.txt" >&2; exit 1; }
done

# Build next to the old story, then swap, so a failed run leaves the old story in place.
build=$(mktemp -d "$here/.build.XXXXXX")
trap 'rm -rf "$build"' EXIT
new="$build/$story_id"

reader_import() {
    (cd "$repo" && "$python" -m reader.cli import "$@" --story "$new" --story-title "$story_title")
}
reader_import "$seeds/000_a261d4577e5b12f4.txt" --outlet "每日经济新闻" --published 2025-09-09
reader_import "$seeds/001_3a47269144f304b9.txt" --outlet "网易号"
reader_import "$seeds/002_65b40b41efa17a31.txt" --outlet "私域商业观察"
reader_import "$seeds/003_0b52fdfb1d7a7de7.txt"

rm -rf "${here:?}/$story_id"
mv "$new" "$here/$story_id"
echo "bundled story written to content/$story_id"
