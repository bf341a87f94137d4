# Sanitizer and fuzzing builds (docs/hardening.md).
#
# Included by the top-level CMakeLists.txt right after the C standard is set
# and before any target exists, so the flags added here reach everything built
# afterwards: the library, the tests, the examples, the fuzz harnesses and the
# bindings' extension modules.
#
#   -DNHANLUC_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer, every
#                          finding fatal (scripts/sanitize.sh, build-asan)
#   -DNHANLUC_TSAN=ON      ThreadSanitizer (scripts/sanitize.sh, build-tsan)
#   -DNHANLUC_FUZZ=ON      libFuzzer harnesses in fuzz/ (clang only; the whole
#                          build gets ASan + UBSan + coverage; fuzz/run-all.sh)
#
# For code that runs inside an interpreter that was not built with the
# sanitizer (Python, PHP), this file exports:
#   NHANLUC_SANITIZER_KIND     "", "address,undefined" or "thread"
#   NHANLUC_SANITIZER_PRELOAD  the runtime libraries to LD_PRELOAD, in order
#                              (NHANLUC_SANITIZER_PRELOAD_STRING: ":"-joined)
#   NHANLUC_SANITIZER_ENV      "NAME=value" items for a C test's ENVIRONMENT
#                              property (the *SAN_OPTIONS)
#   NHANLUC_SANITIZER_PYTHON_ENV, NHANLUC_SANITIZER_PHP_ENV
#                              the same, ready-made for the bindings' tests
#                              (docs/hardening.md, "Bindings under the
#                              sanitizers"); PHP's preloads the
#                              nhanluc_no_deepbind shim defined here.
# All are empty outside a sanitizer build.

option(NHANLUC_SANITIZE "Build everything with -fsanitize=address,undefined" OFF)
option(NHANLUC_TSAN "Build everything with -fsanitize=thread" OFF)
option(NHANLUC_FUZZ "Build the libFuzzer harnesses (clang; implies address,undefined)" OFF)

set(NHANLUC_SANITIZER_KIND "")
set(NHANLUC_SANITIZER_PRELOAD "")
set(NHANLUC_SANITIZER_PRELOAD_STRING "")
set(NHANLUC_SANITIZER_ENV "")
set(NHANLUC_SANITIZER_PYTHON_ENV "")
set(NHANLUC_SANITIZER_PHP_ENV "")

if(NHANLUC_TSAN AND (NHANLUC_SANITIZE OR NHANLUC_FUZZ))
  message(FATAL_ERROR
    "NHANLUC_TSAN cannot be combined with NHANLUC_SANITIZE or NHANLUC_FUZZ: "
    "ThreadSanitizer and AddressSanitizer cannot share a process. "
    "Configure them in separate build directories (scripts/sanitize.sh does).")
endif()

if(NHANLUC_SANITIZE OR NHANLUC_FUZZ)
  set(NHANLUC_SANITIZER_KIND "address,undefined")
elseif(NHANLUC_TSAN)
  set(NHANLUC_SANITIZER_KIND "thread")
endif()

if(NHANLUC_FUZZ AND NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR
    "NHANLUC_FUZZ needs clang (libFuzzer), not ${CMAKE_C_COMPILER_ID}: "
    "configure with -DCMAKE_C_COMPILER=clang in a fresh build directory.")
endif()

if(NOT NHANLUC_SANITIZER_KIND)
  return()
endif()

if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang|GNU")
  message(FATAL_ERROR "Sanitizer builds need GCC or Clang, not ${CMAKE_C_COMPILER_ID}")
endif()

set(_nl_flags -fsanitize=${NHANLUC_SANITIZER_KIND} -fno-omit-frame-pointer)
if(NHANLUC_SANITIZER_KIND STREQUAL "address,undefined")
  # Every UBSan finding aborts, so ctest sees a failure instead of a log line.
  list(APPEND _nl_flags -fno-sanitize-recover=all)
  if(CMAKE_C_COMPILER_ID STREQUAL "GNU")
    # Clang's "undefined" group checks double -> integer conversions; GCC's
    # does not unless asked. Same checks whichever compiler CI uses.
    list(APPEND _nl_flags -fsanitize=float-cast-overflow)
  endif()
endif()
add_compile_options(${_nl_flags})
if(NHANLUC_FUZZ)
  # Coverage instrumentation everywhere; only the harness executables link
  # libFuzzer's main (fuzz/CMakeLists.txt adds -fsanitize=fuzzer to them).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
add_link_options(-fsanitize=${NHANLUC_SANITIZER_KIND})

# Runtime libraries, for LD_PRELOAD into uninstrumented interpreters.
if(CMAKE_C_COMPILER_ID STREQUAL "GNU")
  if(NHANLUC_SANITIZER_KIND STREQUAL "thread")
    set(_nl_rt libtsan.so)
  else()
    set(_nl_rt libasan.so libubsan.so)
  endif()
else()
  # Clang links its sanitizer runtime statically into executables only, which
  # leaves libnhanluc.so (linked with -z defs) with undefined __asan_*
  # symbols. -shared-libsan links against the runtime's shared object
  # instead; an rpath finds it at run time.
  if(NHANLUC_FUZZ)
    # libFuzzer puts libstdc++ ahead of a shared runtime ("ASan runtime does
    # not come first"), so here executables keep the static runtime and link
    # the static library (fuzz/CMakeLists.txt); only shared objects use the
    # shared runtime. Executables linked with libnhanluc.so cannot run in
    # this build: it is for the fuzzers alone (fuzz/run-all.sh sets
    # NHANLUC_TESTS=OFF).
    string(APPEND CMAKE_SHARED_LINKER_FLAGS " -shared-libsan")
    string(APPEND CMAKE_MODULE_LINKER_FLAGS " -shared-libsan")
    if(NHANLUC_TESTS)
      message(WARNING "NHANLUC_FUZZ=ON builds fuzzers; tests linked with the shared "
                      "library will not run in it. Use -DNHANLUC_TESTS=OFF, and "
                      "NHANLUC_SANITIZE=ON in another build directory for the tests.")
    endif()
  else()
    add_link_options(-shared-libsan)
  endif()
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
    set(_nl_arch x86_64)
  else()
    set(_nl_arch ${CMAKE_SYSTEM_PROCESSOR})
  endif()
  if(NHANLUC_SANITIZER_KIND STREQUAL "thread")
    set(_nl_rt libclang_rt.tsan-${_nl_arch}.so)
  else()
    # The ASan runtime carries the UBSan handlers when both are on.
    set(_nl_rt libclang_rt.asan-${_nl_arch}.so)
  endif()
endif()
foreach(_lib IN LISTS _nl_rt)
  execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=${_lib}
                  OUTPUT_VARIABLE _path OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT IS_ABSOLUTE "${_path}" OR NOT EXISTS "${_path}")
    message(FATAL_ERROR "Sanitizer runtime ${_lib} not found (${CMAKE_C_COMPILER} "
            "-print-file-name gave \"${_path}\"); install the compiler's runtime "
            "(Debian: libclang-rt-14-dev for clang, gcc's libasan8/libubsan1/libtsan2).")
  endif()
  get_filename_component(_path "${_path}" REALPATH)
  list(APPEND NHANLUC_SANITIZER_PRELOAD "${_path}")
  if(CMAKE_C_COMPILER_ID MATCHES "Clang")
    get_filename_component(_dir "${_path}" DIRECTORY)
    add_link_options("LINKER:-rpath,${_dir}")
  endif()
endforeach()
string(REPLACE ";" ":" NHANLUC_SANITIZER_PRELOAD_STRING "${NHANLUC_SANITIZER_PRELOAD}")

# Options for the tests. scripts/sanitize.sh exports the same values, so tests
# registered by others get them too; a value already in the environment wins.
set(NHANLUC_ASAN_OPTIONS
    "detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1")
set(NHANLUC_UBSAN_OPTIONS "print_stacktrace=1:halt_on_error=1")
set(NHANLUC_TSAN_OPTIONS "halt_on_error=1:second_deadlock_stack=1")
if(NHANLUC_SANITIZER_KIND STREQUAL "thread")
  list(APPEND NHANLUC_SANITIZER_ENV "TSAN_OPTIONS=${NHANLUC_TSAN_OPTIONS}")
else()
  list(APPEND NHANLUC_SANITIZER_ENV "ASAN_OPTIONS=${NHANLUC_ASAN_OPTIONS}"
                                    "UBSAN_OPTIONS=${NHANLUC_UBSAN_OPTIONS}")
endif()

# Python and PHP are not built with the sanitizer, so their tests preload
# its runtime. php-cli dlopens extensions with RTLD_DEEPBIND, which the
# runtime refuses: tests/hardening/no_deepbind.c (built without sanitizer
# flags) drops that flag and must come first, hence verify_asan_link_order=0.
add_library(nhanluc_no_deepbind MODULE ${PROJECT_SOURCE_DIR}/tests/hardening/no_deepbind.c)
target_compile_options(nhanluc_no_deepbind PRIVATE -fno-sanitize=all)
target_link_options(nhanluc_no_deepbind PRIVATE -fno-sanitize=all)
target_link_libraries(nhanluc_no_deepbind PRIVATE ${CMAKE_DL_LIBS})
set(_nl_shim "$<TARGET_FILE:nhanluc_no_deepbind>")
if(NHANLUC_SANITIZER_KIND STREQUAL "address,undefined")
  # Interpreters allocate for good at exit: leak checking stays with the C
  # tests (LeakSanitizer) and the bindings' own reference-count tests.
  set(_nl_opts "detect_leaks=0:strict_string_checks=1:detect_stack_use_after_return=1")
  set(NHANLUC_SANITIZER_PYTHON_ENV
      "LD_PRELOAD=${NHANLUC_SANITIZER_PRELOAD_STRING}"
      "ASAN_OPTIONS=${_nl_opts}" "UBSAN_OPTIONS=${NHANLUC_UBSAN_OPTIONS}"
      "PYTHONMALLOC=malloc")
  set(NHANLUC_SANITIZER_PHP_ENV
      "LD_PRELOAD=${_nl_shim}:${NHANLUC_SANITIZER_PRELOAD_STRING}"
      "ASAN_OPTIONS=${_nl_opts}:verify_asan_link_order=0"
      "UBSAN_OPTIONS=${NHANLUC_UBSAN_OPTIONS}" "USE_ZEND_ALLOC=0")
else()
  set(NHANLUC_SANITIZER_PYTHON_ENV "LD_PRELOAD=${NHANLUC_SANITIZER_PRELOAD_STRING}"
                                   "TSAN_OPTIONS=${NHANLUC_TSAN_OPTIONS}")
  set(NHANLUC_SANITIZER_PHP_ENV "LD_PRELOAD=${_nl_shim}:${NHANLUC_SANITIZER_PRELOAD_STRING}"
                                "TSAN_OPTIONS=${NHANLUC_TSAN_OPTIONS}" "USE_ZEND_ALLOC=0")
endif()

if(NHANLUC_FUZZ)
  set(_nl_what "${NHANLUC_SANITIZER_KIND} + libFuzzer coverage")
else()
  set(_nl_what "${NHANLUC_SANITIZER_KIND}")
endif()
message(STATUS "libnhanluc: -fsanitize=${_nl_what}; runtime for LD_PRELOAD: "
               "${NHANLUC_SANITIZER_PRELOAD_STRING}")
