# nhanluc_forbid_hidden_skips(): every test of the calling directory fails
# when its framework reports a skipped, incomplete or expected-to-fail case.
# ctest would otherwise count the whole file as passed. Matched output:
# cmocka "[  SKIPPED ]", pytest "N skipped" / "N xfailed" / "N xpassed" /
# "N deselected", PHPUnit "Skipped: N", "Incomplete: N", "Risky: N", node's
# test runner "# skipped N" / "# todo N".
# A test that cannot run at all (a tool missing) exits 77 instead and shows as
# skipped in ctest's own summary (SKIP_RETURN_CODE), not as passed.
# nhanluc_add_skipped_test(NAME WHY LABELS...): registered in place of tests
# that need a tool this machine lacks, so that ctest's summary shows them as
# skipped (tests/skip.sh; a failure under NHANLUC_REQUIRE_ALL) instead of
# their simply not being there.
function(nhanluc_add_skipped_test name why)
  add_test(NAME ${name} COMMAND sh ${PROJECT_SOURCE_DIR}/tests/skip.sh "${why}")
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 LABELS "${ARGN}")
endfunction()

function(nhanluc_forbid_hidden_skips)
  get_directory_property(_tests TESTS)
  foreach(_t IN LISTS _tests)
    set_property(TEST ${_t} APPEND PROPERTY FAIL_REGULAR_EXPRESSION
      "\\[  SKIPPED \\]"
      "[0-9]+ (skipped|xfailed|xpassed|deselected)"
      "(Skipped|Incomplete|Risky): [0-9]+"
      "# (skipped|todo) [1-9]")
  endforeach()
endfunction()
