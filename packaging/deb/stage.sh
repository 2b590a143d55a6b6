#!/bin/sh
# Lays out, under TARGET/deb, the files of the Debian package that the build makes rather than
# copies (pom.xml, profile deb, runs it after the man pages): the man pages gzipped, the completion
# script printed by the jar itself, the changelog (changelog.gz: a native package's name for it).
# Usage: stage.sh TARGET VERSION MAINTAINER
set -eu
target=$1 maintainer=$3
# The version as jdeb writes it in the control file: 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT.
version=$(printf %s "$2" | sed "s/-SNAPSHOT$/~SNAPSHOT/")
here=$(dirname "$0")
stage="$target/deb"
rm -rf "$stage"
mkdir -p "$stage/man1" "$stage/fr/man1" "$stage/doc"

# English pages in man1, French ones in fr/man1 (man picks them by the locale).
for page in "$target"/man/en/*.1; do
    gzip -9n < "$page" > "$stage/man1/$(basename "$page").gz"
done
for page in "$target"/man/fr/*.1; do
    gzip -9n < "$page" > "$stage/fr/man1/$(basename "$page").gz"
done

# Sourced by bash-completion, not run: without its "#!" line.
java -jar "$target/rebond.jar" completion | sed '1{/^#!/d}' > "$stage/rebond.bash"
grep -q '_complete_rebond' "$stage/rebond.bash"

sed -e "s/@VERSION@/$version/" -e "s/@MAINTAINER@/$maintainer/" \
    -e "s/@DATE@/$(date -R -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")/" \
    "$here/changelog" | gzip -9n > "$stage/doc/changelog.gz"
