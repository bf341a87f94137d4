/* Replays fuzz inputs without libFuzzer, so every build (gcc, no sanitizer,
 * or the ASan/UBSan build of scripts/sanitize.sh) re-checks the seed corpus
 * and every past finding. ctest runs it as "fuzz_replay".
 *
 *   fuzz_replay                      every file of fuzz/corpus/<harness>/ and
 *                                    fuzz/regressions/<harness>/, each fed to
 *                                    its harness
 *   fuzz_replay HARNESS PATH...      the given files, or every file of the
 *                                    given directories, fed to HARNESS
 *                                    (policy_parse, date or rules)
 *
 * Each harness source is compiled with LLVMFuzzerTestOneInput renamed (see
 * fuzz/CMakeLists.txt). A failed invariant aborts, naming the input first. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int nlf_policy_parse_one(const uint8_t *data, size_t size);
int nlf_date_one(const uint8_t *data, size_t size);
int nlf_rules_one(const uint8_t *data, size_t size);

typedef int (*harness_fn)(const uint8_t *, size_t);

static const struct {
    const char *name;
    harness_fn fn;
} harnesses[] = {
    {"policy_parse", nlf_policy_parse_one},
    {"date", nlf_date_one},
    {"rules", nlf_rules_one},
};
#define NHARNESS (sizeof harnesses / sizeof harnesses[0])

static int run_file(harness_fn fn, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return -1;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        uint8_t *nb = realloc(buf, cap *= 2);
        if (nb == NULL)
            free(buf);
        buf = nb;
    }
    fclose(f);
    if (buf == NULL) {
        fprintf(stderr, "out of memory reading %s\n", path);
        return -1;
    }
    /* Exactly n bytes, like libFuzzer: ASan catches a read past the end. */
    uint8_t *exact = malloc(n ? n : 1);
    if (exact == NULL) {
        free(buf);
        return -1;
    }
    memcpy(exact, buf, n);
    free(buf);
    fprintf(stderr, "  %s (%zu bytes)\n", path, n);
    fn(exact, n);
    free(exact);
    return 1;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file of dir (sorted, hidden files skipped); returns
 * the count, or -1 if the directory is missing and required. */
static long run_dir(harness_fn fn, const char *dir, int required)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        if (required)
            fprintf(stderr, "cannot open directory %s\n", dir);
        return required ? -1 : 0;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *names);
            if (nn == NULL)
                break;
            names = nn;
        }
        names[count] = strdup(e->d_name);
        if (names[count] != NULL)
            count++;
    }
    closedir(d);
    if (count > 0)   /* qsort(NULL, 0, ...) is undefined */
        qsort(names, count, sizeof *names, cmp_names);
    long ran = 0;
    for (size_t i = 0; i < count; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            if (run_file(fn, path) < 0)
                ran = -1;
            else if (ran >= 0)
                ran++;
        }
        free(names[i]);
    }
    free(names);
    return ran;
}

int main(int argc, char **argv)
{
    if (argc == 1) {
        long total = 0;
        for (size_t h = 0; h < NHARNESS; h++) {
            char dir[4096];
            snprintf(dir, sizeof dir, "%s/corpus/fuzz_%s", NLF_FUZZ_DIR, harnesses[h].name);
            fprintf(stderr, "%s: %s\n", harnesses[h].name, dir);
            long a = run_dir(harnesses[h].fn, dir, 1);
            snprintf(dir, sizeof dir, "%s/regressions/fuzz_%s", NLF_FUZZ_DIR, harnesses[h].name);
            fprintf(stderr, "%s: %s\n", harnesses[h].name, dir);
            long b = run_dir(harnesses[h].fn, dir, 0);
            if (a <= 0 || b < 0) {
                fprintf(stderr, "no seed corpus for %s\n", harnesses[h].name);
                return 1;
            }
            printf("fuzz_%s: %ld corpus files, %ld regressions replayed\n", harnesses[h].name, a,
                   b);
            total += a + b;
        }
        printf("%ld inputs replayed, all invariants held\n", total);
        return 0;
    }
    harness_fn fn = NULL;
    for (size_t h = 0; h < NHARNESS; h++)
        if (strcmp(argv[1], harnesses[h].name) == 0 ||
            (strncmp(argv[1], "fuzz_", 5) == 0 && strcmp(argv[1] + 5, harnesses[h].name) == 0))
            fn = harnesses[h].fn;
    if (fn == NULL || argc < 3) {
        fprintf(stderr, "usage: %s [policy_parse|date|rules PATH...]\n", argv[0]);
        return 2;
    }
    long total = 0;
    for (int i = 2; i < argc; i++) {
        struct stat st;
        long r = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) ? run_dir(fn, argv[i], 1)
                                                                : run_file(fn, argv[i]);
        if (r < 0)
            return 1;
        total += r;
    }
    printf("%ld inputs replayed, all invariants held\n", total);
    return 0;
}
