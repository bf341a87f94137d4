<?php
/**
 * The page. Variables from Portal::handle(): $t, $q, $query, $form,
 * $submitted, $result, $workplaces, $policyName, $version; or, for the error
 * pages, $t and $status with $body unset. Everything printed is escaped.
 * No external resource: styles are inline, the emblem is inline SVG.
 */

declare(strict_types=1);

use NhanLuc\Certainty;
use NhanLuc\ExpertCapResult;
use NhanLuc\SubsidyResult;
use NhanLuc\TrainingResult;
use Portal\Format;
use Portal\Text;

if (!\defined('PORTAL_ROOT')) {
    http_response_code(404);
    exit;
}

/** @var Text $t */
$h = [Format::class, 'h'];
$query ??= [];
$q ??= 'attraction';
$form ??= null;
$result ??= null;
$submitted ??= false;
$status ??= 200;

/** Query string for a link: the current question and language, changed by $change. */
$link = static function (array $change) use ($query, $q, $t): string {
    $keep = [];
    foreach ($query as $k => $v) {
        if (\is_string($k) && \is_string($v)) {
            $keep[$k] = $v;
        }
    }
    $keep = array_merge($keep, ['q' => $q, 'lang' => $t->lang], $change);
    return '?' . http_build_query($keep, '', '&amp;', PHP_QUERY_RFC3986);
};

$errorOf = static fn (string $field): ?string => isset($form) ? ($form->errors[$field] ?? null) : null;

/** Attributes and message for a field with a possible error. */
$described = static function (string $field, bool $hint = false) use ($errorOf): string {
    $ids = [];
    if ($hint) {
        $ids[] = "hint-$field";
    }
    if ($errorOf($field) !== null) {
        $ids[] = "err-$field";
    }
    $attr = $ids === [] ? '' : ' aria-describedby="' . implode(' ', $ids) . '"';
    return $attr . ($errorOf($field) !== null ? ' aria-invalid="true"' : '');
};

$fieldError = static function (string $field) use ($errorOf, $h): string {
    $msg = $errorOf($field);
    return $msg === null ? '' : '<p class="field-error" id="err-' . $field . '">' . $h($msg) . '</p>';
};

$select = static function (string $field, array $options, string $labelKey) use ($form, $t, $h, $described, $fieldError, $errorOf): string {
    $current = $form->raw($field);
    $html = '<div class="field' . ($errorOf($field) !== null ? ' has-error' : '') . '">'
        . '<label for="f-' . $field . '">' . $h($t->get($labelKey)) . '</label>'
        . '<select id="f-' . $field . '" name="' . $field . '"' . $described($field) . '>'
        . '<option value="">' . $h($t->get('choose')) . '</option>';
    foreach ($options as $value => $label) {
        $value = (string) $value;
        $html .= '<option value="' . $h($value) . '"' . ($value === $current ? ' selected' : '') . '>' . $h($label) . '</option>';
    }
    return $html . '</select>' . $fieldError($field) . '</div>';
};

$yesNo = static function (string $field, string $labelKey) use ($form, $t, $h, $fieldError, $errorOf): string {
    $current = $form->raw($field);
    $html = '<fieldset class="field' . ($errorOf($field) !== null ? ' has-error' : '') . '"'
        . ($errorOf($field) !== null ? ' aria-describedby="err-' . $field . '"' : '') . '>'
        . '<legend>' . $h($t->get($labelKey)) . '</legend><div class="choices">';
    foreach (['yes', 'no'] as $v) {
        $html .= '<label class="choice"><input type="radio" name="' . $field . '" value="' . $v . '"'
            . ($current === $v ? ' checked' : '') . '> ' . $h($t->get($v)) . '</label>';
    }
    return $html . '</div>' . $fieldError($field) . '</fieldset>';
};

$text = static function (string $field, string $labelKey, string $hintKey, string $mode = 'text') use ($form, $t, $h, $described, $fieldError, $errorOf): string {
    return '<div class="field' . ($errorOf($field) !== null ? ' has-error' : '') . '">'
        . '<label for="f-' . $field . '">' . $h($t->get($labelKey)) . '</label>'
        . '<input type="text" id="f-' . $field . '" name="' . $field . '" value="' . $h($form->raw($field)) . '"'
        . ' inputmode="' . $mode . '" autocomplete="off"' . $described($field, true) . '>'
        . '<p class="hint" id="hint-' . $field . '">' . $h($t->get($hintKey)) . '</p>'
        . $fieldError($field) . '</div>';
};

$options = static function (array $values, string $prefix) use ($t): array {
    $out = [];
    foreach ($values as $v) {
        $out[$v] = $t->get($prefix . $v);
    }
    return $out;
};

/** The certainty of an answer, flagged visibly unless confirmed; the note names what is unsure. */
$certaintyBlock = static function (Certainty $c) use ($t, $h, $q): string {
    $note = $t->has("certainty_{$c->value}_$q") ? "certainty_{$c->value}_$q" : "certainty_{$c->value}";
    return '<div class="certainty certainty-' . $c->value . '" role="note" data-certainty="' . $c->value . '">'
        . '<span class="badge">' . ($c === Certainty::Confirmed ? '✓ ' : '⚠ ') . $h($t->get('badge_' . $c->value)) . '</span> '
        . '<span>' . $h($t->get($note)) . '</span></div>';
};

// An error page: its title and text (Text keys <page>_title, <page>_text).
$errorPage = match ($status) {
    200 => null,
    400 => 'bad_request',
    404 => 'not_found',
    405 => 'method',
    default => 'error',
};
$title = $errorPage === null ? $t->get('site_title') : $t->get($errorPage . '_title');
?>
<!DOCTYPE html>
<html lang="<?= $h($t->get('html_lang')) ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?= $h($title) ?> — <?= $h($t->get('province')) ?></title>
<link rel="icon" href="data:,">
<style>
:root {
  --red: #9b1b1e; --red-dark: #6e1214; --gold: #f2c94c; --ink: #1f2933; --muted: #5b6876;
  --line: #d9dee4; --bg: #f4f1ec; --card: #ffffff; --ok: #1e7a46; --ok-bg: #e8f5ee;
  --no: #a33a0b; --no-bg: #fdf0e7; --warn: #8a5a00; --warn-bg: #fff6d9; --focus: #1d4ed8;
}
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font-family: "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  line-height: 1.5; }
.wrap { max-width: 980px; margin: 0 auto; padding: 0 20px; }
.masthead { background: linear-gradient(135deg, var(--red) 0%, var(--red-dark) 100%); color: #fff;
  border-bottom: 4px solid var(--gold); }
.masthead .wrap { display: flex; align-items: center; gap: 18px; padding-top: 22px; padding-bottom: 22px; }
.emblem { flex: none; width: 60px; height: 60px; }
.masthead .titles { flex: 1; min-width: 0; }
.province { margin: 0; font-size: .85rem; letter-spacing: .06em; text-transform: uppercase; color: var(--gold); font-weight: 600; }
h1 { margin: 2px 0 4px; font-size: 1.7rem; line-height: 1.2; }
.tagline { margin: 0; color: #f6e7e7; font-size: .95rem; }
.lang-switch { flex: none; color: #fff; text-decoration: none; border: 1px solid rgba(255,255,255,.6);
  border-radius: 999px; padding: 6px 14px; font-size: .9rem; }
.lang-switch:hover, .lang-switch:focus { background: rgba(255,255,255,.15); }
main { padding: 26px 0 40px; }
.tabs { display: flex; gap: 6px; flex-wrap: wrap; margin-bottom: -1px; }
.tabs a { padding: 10px 18px; border: 1px solid var(--line); border-bottom: none; border-radius: 10px 10px 0 0;
  background: #ebe6de; color: var(--muted); text-decoration: none; font-weight: 600; }
.tabs a[aria-current="page"] { background: var(--card); color: var(--red); box-shadow: inset 0 3px 0 var(--red); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 0 12px 12px 12px; padding: 26px 28px;
  box-shadow: 0 1px 2px rgba(0,0,0,.04), 0 6px 20px rgba(31,41,51,.06); }
.card + .card { margin-top: 22px; border-radius: 12px; }
h2 { margin: 0 0 6px; font-size: 1.3rem; }
.help { margin: 0 0 20px; color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px 22px; }
.field { margin: 0; padding: 0; border: 0; min-width: 0; }
.field label, .field legend { display: block; font-weight: 600; margin-bottom: 6px; padding: 0; }
.field select, .field input[type=text] { width: 100%; padding: 10px 12px; font: inherit; color: inherit;
  border: 1px solid #b9c2cc; border-radius: 8px; background: #fff; }
.field select:focus, .field input:focus, .tabs a:focus, button:focus, .lang-switch:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.choices { display: flex; gap: 18px; padding: 8px 0; }
.choice { font-weight: 400 !important; display: inline-flex !important; align-items: center; gap: 6px; margin: 0 !important; }
.hint { margin: 4px 0 0; color: var(--muted); font-size: .85rem; }
.has-error select, .has-error input[type=text] { border-color: #c0392b; box-shadow: 0 0 0 2px rgba(192,57,43,.12); }
.field-error { margin: 6px 0 0; color: #b42318; font-size: .9rem; font-weight: 600; }
.field-error::before { content: "⚠ "; }
.summary { margin: 0 0 18px; padding: 12px 16px; border-radius: 8px; background: #fdecea; color: #8c1d13;
  border-left: 4px solid #c0392b; font-weight: 600; }
.actions { margin-top: 22px; }
button { font: inherit; font-weight: 700; color: #fff; background: var(--red); border: 0; border-radius: 8px;
  padding: 12px 26px; cursor: pointer; }
button:hover { background: var(--red-dark); }
.result.is-eligible { border-top: 5px solid var(--ok); }
.result.is-not-eligible { border-top: 5px solid var(--no); }
.verdict { display: inline-block; margin: 4px 0 14px; padding: 4px 12px; border-radius: 999px; font-weight: 700; }
.is-eligible .verdict { background: var(--ok-bg); color: var(--ok); }
.is-not-eligible .verdict { background: var(--no-bg); color: var(--no); }
.amount-label { margin: 0; color: var(--muted); font-size: .9rem; }
.amount { margin: 0 0 16px; font-size: 2.2rem; font-weight: 800; letter-spacing: .01em; white-space: nowrap; font-variant-numeric: tabular-nums; }
.is-not-eligible .amount { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 8px 18px; margin: 0 0 16px; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
table.breakdown { border-collapse: collapse; margin: 0 0 16px; min-width: 60%; }
table.breakdown th, table.breakdown td { text-align: left; padding: 7px 14px 7px 0; border-bottom: 1px solid var(--line); }
table.breakdown td { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.breakdown tr.total th, table.breakdown tr.total td { font-weight: 800; border-bottom: 0; }
.certainty { display: flex; gap: 10px; align-items: flex-start; padding: 12px 14px; border-radius: 8px; font-size: .95rem; }
.certainty .badge { flex: none; font-weight: 700; padding: 1px 10px; border-radius: 999px; font-size: .85rem; }
.certainty-confirmed { background: var(--ok-bg); }
.certainty-confirmed .badge { background: var(--ok); color: #fff; }
.certainty-reported, .certainty-unconfirmed, .certainty-user { background: var(--warn-bg); border: 1px solid #f0d98a; }
.certainty-reported .badge, .certainty-unconfirmed .badge, .certainty-user .badge { background: var(--warn); color: #fff; }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; padding: 18px 0 30px; }
footer p { margin: 2px 0; }
@media (max-width: 680px) {
  .wrap { padding: 0 12px; }
  .grid { grid-template-columns: 1fr; }
  .masthead .wrap { gap: 12px; padding-top: 14px; padding-bottom: 14px; align-items: flex-start; }
  .emblem { width: 42px; height: 42px; }
  h1 { font-size: 1.25rem; }
  .tagline { font-size: .85rem; }
  .lang-switch { padding: 4px 10px; font-size: .8rem; }
  .tabs { flex-wrap: nowrap; gap: 4px; }
  .tabs a { flex: 1 1 0; text-align: center; padding: 8px 4px; font-size: .85rem; line-height: 1.25; }
  .card { padding: 20px 16px; border-radius: 0 0 12px 12px; }
  .amount { font-size: 1.8rem; }
  dl.facts { grid-template-columns: 1fr; gap: 2px; }
  dl.facts dd { margin-bottom: 8px; }
  .certainty { flex-direction: column; gap: 6px; }
  table.breakdown { width: 100%; }
}
</style>
</head>
<body>
<header class="masthead">
  <div class="wrap">
    <svg class="emblem" viewBox="0 0 60 60" role="img" aria-hidden="true">
      <circle cx="30" cy="30" r="28" fill="#c8102e" stroke="#f2c94c" stroke-width="3"/>
      <polygon fill="#f2c94c" points="30,12 34.2,24.6 47.6,24.7 36.8,32.6 40.9,45.4 30,37.6 19.1,45.4 23.2,32.6 12.4,24.7 25.8,24.6"/>
    </svg>
    <div class="titles">
      <p class="province"><?= $h($t->get('province')) ?></p>
      <h1><?= $h($t->get('site_title')) ?></h1>
      <p class="tagline"><?= $h($t->get('tagline')) ?></p>
    </div>
    <a class="lang-switch" id="lang-switch" href="<?= $link(['lang' => $t->other()]) ?>" hreflang="<?= $t->other() ?>" lang="<?= $t->other() ?>" title="<?= $h($t->get('switch_label')) ?>"><?= $h($t->get('switch_to')) ?></a>
  </div>
</header>
<main class="wrap">
<?php if ($errorPage !== null) : ?>
  <section class="card" style="border-radius:12px">
    <h2><?= $h($title) ?></h2>
    <p class="help"><?= $h($t->get($errorPage . '_text')) ?></p>
    <p><a href="/?lang=<?= $h($t->lang) ?>"><?= $h($t->get('back_home')) ?></a></p>
  </section>
<?php else : ?>
  <nav class="tabs" aria-label="<?= $h($t->get('site_title')) ?>">
<?php foreach (Portal\Portal::QUESTIONS as $tab) : ?>
    <a href="?q=<?= $tab ?>&amp;lang=<?= $h($t->lang) ?>" id="tab-<?= $tab ?>"<?= $tab === $q ? ' aria-current="page"' : '' ?>><?= $h($t->get('tab_' . $tab)) ?></a>
<?php endforeach; ?>
  </nav>
  <section class="card" aria-labelledby="question">
    <h2 id="question"><?= $h($t->get('q_' . $q)) ?></h2>
    <p class="help"><?= $h($t->get('q_' . $q . '_help')) ?></p>
<?php if ($submitted && !$form->ok()) : ?>
    <p class="summary" role="alert" id="error-summary"><?= $h($t->get('err_summary')) ?></p>
<?php endif; ?>
    <form method="get" action="/" novalidate id="form-<?= $q ?>">
      <input type="hidden" name="q" value="<?= $h($q) ?>">
      <input type="hidden" name="lang" value="<?= $h($t->lang) ?>">
      <div class="grid">
<?php if ($q === 'attraction') : ?>
        <?= $select('degree', $options(Portal\Portal::DEGREES, 'degree_'), 'degree') ?>
        <?= $select('major', $options(Portal\Portal::MAJORS, 'major_'), 'major') ?>
        <?= $select('agency', $options(Portal\Portal::AGENCIES, 'agency_'), 'agency') ?>
        <?= $yesNo('dedicated_post', 'dedicated_post') ?>
<?php
    $places = [];
    foreach ($workplaces as $w) {
        $places[$w->gsoCode()] = $w->name;
    }
    $places[Portal\Portal::WORKPLACE_OTHER] = $t->get('workplace_other');
?>
        <?= $select('workplace', $places, 'workplace') ?>
        <?= $text('start', 'start', 'date_hint', 'numeric') ?>
<?php elseif ($q === 'expert') : ?>
        <?= $select('degree', $options(Portal\Portal::DEGREES, 'degree_'), 'degree') ?>
        <?= $text('experience_years', 'experience_years', 'experience_hint', 'decimal') ?>
        <?= $select('role', $options(Portal\Portal::ROLES, 'role_'), 'role') ?>
        <?= $text('on', 'on', 'date_hint', 'numeric') ?>
<?php else : ?>
        <?= $yesNo('dedicated_official', 'dedicated_official') ?>
        <?= $yesNo('short_concentrated', 'short_concentrated') ?>
        <?= $text('tuition', 'tuition', 'money_hint', 'numeric') ?>
        <?= $text('materials', 'materials', 'money_hint', 'numeric') ?>
        <?= $text('meals', 'meals', 'money_hint', 'numeric') ?>
        <?= $text('travel', 'travel', 'money_hint', 'numeric') ?>
        <?= $text('days', 'days', 'days_hint', 'numeric') ?>
        <?= $text('start', 'course_start', 'date_hint', 'numeric') ?>
<?php endif; ?>
      </div>
      <div class="actions"><button type="submit" name="ask" value="1" id="submit"><?= $h($t->get('submit')) ?></button></div>
    </form>
  </section>
<?php if ($result !== null) : ?>
  <section class="card result <?= $result->eligible ? 'is-eligible' : 'is-not-eligible' ?>" id="result" aria-live="polite" aria-labelledby="result-title">
    <h2 id="result-title"><?= $h($t->get('result')) ?></h2>
<?php if ($result instanceof ExpertCapResult) : ?>
    <p class="verdict"><?= $h($result->level > 0 ? $t->get('level', $result->level) : $t->get('no_level')) ?></p>
    <p class="amount-label"><?= $h($t->get('monthly')) ?></p>
    <p class="amount" data-amount="<?= $result->monthly ?>"><?= $h(Format::money($result->monthly)) ?></p>
<?php if ($result->level > 0) : ?>
    <table class="breakdown">
      <tr><th scope="row"><?= $h($t->get('weekly')) ?></th><td class="weekly"><?= $h(Format::money($result->weekly)) ?></td></tr>
      <tr><th scope="row"><?= $h($t->get('daily')) ?></th><td class="daily"><?= $h(Format::money($result->daily)) ?></td></tr>
      <tr><th scope="row"><?= $h($t->get('special')) ?></th><td class="special"><?= $h(Format::money($result->specialMonthly)) ?></td></tr>
    </table>
<?php endif; ?>
<?php elseif ($result instanceof TrainingResult) : ?>
    <p class="verdict"><?= $h($t->get($result->eligible ? 'eligible' : 'not_eligible')) ?></p>
    <p class="amount-label"><?= $h($t->get('paid_total')) ?></p>
    <p class="amount" data-amount="<?= $result->total ?>"><?= $h(Format::money($result->total)) ?></p>
<?php if ($result->eligible) : ?>
    <table class="breakdown">
<?php foreach (['tuition', 'materials', 'meals', 'travel'] as $item) : ?>
      <tr><th scope="row"><?= $h($t->get('paid_' . $item)) ?></th><td class="<?= $item ?>"><?= $h(Format::money($result->$item)) ?></td></tr>
<?php endforeach; ?>
      <tr class="total"><th scope="row"><?= $h($t->get('paid_total')) ?></th><td class="total"><?= $h(Format::money($result->total)) ?></td></tr>
    </table>
<?php endif; ?>
<?php elseif ($result instanceof SubsidyResult) : ?>
    <p class="verdict"><?= $h($t->get($result->eligible ? 'eligible' : 'not_eligible')) ?></p>
    <p class="amount-label"><?= $h($t->get('amount_subsidy')) ?></p>
    <p class="amount" data-amount="<?= $result->amount ?>"><?= $h(Format::money($result->amount)) ?></p>
<?php endif; ?>
    <dl class="facts">
      <dt><?= $h($t->get('reason')) ?></dt><dd class="reason" data-reason="<?= $h($result->reason->value) ?>"><?= $h($result->message($t->lang)) ?></dd>
      <dt><?= $h($t->get('legal_basis')) ?></dt><dd class="source"><?= $h($result->source) ?></dd>
    </dl>
    <?= $certaintyBlock($result->certainty) ?>
  </section>
<?php endif; ?>
<?php endif; ?>
</main>
<footer>
  <div class="wrap">
<?php if (isset($policyName, $version)) : ?>
    <p><?= $h($t->get('footer_data', $policyName, $version)) ?></p>
<?php endif; ?>
    <p><?= $h($t->get('footer_disclaimer')) ?></p>
  </div>
</footer>
</body>
</html>
