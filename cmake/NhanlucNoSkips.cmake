# nhanluc_forbid_hidden_skips(): every test of the calling directory fails
# when its framework reports a skipped, incomplete or expected-to-fail case.
# ctest would otherwise count the whole file as passed. Matched output:
# cmocka "[  SKIPPED ]", pytest "N skipped" / "N xfailed" / "N xpassed" /
# "N deselected", PHPUnit "Skipped: N", "Incomplete: N", "Risky: N".
# A test that cannot run at all (a tool missing) exits 77 instead and shows as
# skipped in ctest's own summary (SKIP_RETURN_CODE), not as passed.
function(nhanluc_forbid_hidden_skips)
  get_directory_property(_tests TESTS)
  foreach(_t IN LISTS _tests)
    set_property(TEST ${_t} APPEND PROPERTY FAIL_REGULAR_EXPRESSION
      "\\[  SKIPPED \\]"
      "[0-9]+ (skipped|xfailed|xpassed|deselected)"
      "(Skipped|Incomplete|Risky): [0-9]+")
  endforeach()
endfunction()
