#include "ecoscore/report/vocabulary.hpp"

#include <array>

#include "ecoscore/core/number.hpp"

namespace ecoscore::report {
namespace {

struct Pair {
  std::string_view en;
  std::string_view ko;
};

// In the order of Word.
constexpr std::array<Pair, 136> kWords = {{
    {"Rank", "순위"},
    {"Rank in role", "역할 내 순위"},
    {"Company", "기업"},
    {"Id", "id"},
    {"Size", "규모"},
    {"Role", "역할"},
    {"Sector", "업종"},
    {"Total", "총점"},
    {"Base", "기본 점수"},
    {"Bonus", "가점"},
    {"Penalty", "감점"},
    {"Grade", "등급"},
    {"Coverage", "평가 충족률"},
    {"Dimension", "차원"},
    {"Indicator", "지표"},
    {"Weight", "가중치"},
    {"Share of total", "총점 내 비중"},
    {"Raw", "원점수"},
    {"Normalized", "환산 점수"},
    {"Points", "기여 점수"},
    {"Score", "점수"},
    {"Missing", "결측"},
    {"not rated", "평가 안 함"},
    {"not scored", "점수 없음"},
    {"does not apply", "해당 없음"},
    {"unscored: coverage below the minimum", "점수 없음: 평가 충족률이 최소 기준 미만"},
    {"Raters", "평가자"},
    {"Spread", "편차"},
    {"raters disagree", "평가자 간 차이 큼"},
    {"Evidence", "근거"},
    {"Large firm", "대기업"},
    {"SME", "중소기업"},
    {"Combined", "종합"},
    {"Gap", "인식 차이"},
    {"flagged", "주의"},
    {"Partners", "협력사"},
    {"Partners' mean", "협력사 평균"},
    {"Partners' minimum", "협력사 최저"},
    {"Profile", "프로필"},
    {"Ranking", "순위표"},
    {"Pairs", "대기업-중소기업 짝"},
    {"Ecosystems", "생태계"},
    {"Notes", "참고"},
    {"Method", "집계 방법"},
    {"Normalization", "정규화"},
    {"Missing data", "결측 처리"},
    {"Rubric", "평가 기준"},
    {"Period", "기간"},
    {"Adjustments", "가감점"},
    {"Reason", "사유"},
    {"Points", "점수"},
    {"cap", "한도"},
    {"floor", "하한 규칙"},
    {"clamped to 0-100", "0-100으로 제한"},
    {"yes", "예"},
    {"no", "아니오"},
    {"scored firms", "평가된 기업"},
    {"min", "최저"},
    {"the sum of the points", "기여 점수의 합"},
    {"the product of each dimension score raised to its share", "각 차원 점수를 비중만큼 거듭제곱한 값의 곱"},
    {"missing: left out, the other weights renormalized", "결측: 제외하고 나머지 가중치를 재조정"},
    {"applies to", "적용 대상"},
    {"at most", "최고"},
    {"Formula", "계산"},
    {"applied", "적용됨"},
    {"not applied", "적용 안 됨"},
    {"below, but the grade is already at or under it", "기준 미만이나 등급이 이미 그 이하"},
    {"added", "추가됨"},
    {"removed", "빠짐"},
    {"Grade transitions", "등급 변화"},
    {"Evaluation date", "평가 일자"},
    {"re-scored from rubric version", "다음 평가 기준 버전에서 재평가"},
    {"ratings of indicators the rubric no longer has, left out", "평가 기준에 더 이상 없는 지표의 평가, 제외함"},
    {"Decision", "결정"},
    {"rating corrected on appeal", "이의 신청에 따른 평가 수정"},
    {"grade lowered", "등급 하향"},
    {"decided by", "결정"},
    {"as evaluated", "평가 당시"},
    {"Summary", "요약"},
    {"Grade distribution", "등급 분포"},
    {"Dimension averages", "차원별 평균"},
    {"By size class", "규모별"},
    {"By sector", "업종별"},
    {"Scorecards", "기업별 평가표"},
    {"Strongest indicators", "강점 지표"},
    {"Weakest indicators", "약점 지표"},
    {"Percentile in the cohort", "집단 내 백분위"},
    {"To the next grade", "다음 등급까지"},
    {"Cohort average", "집단 평균"},
    {"Large firms' ecosystem thinking and their partners' entrepreneurship", "대기업의 생태계 사고와 협력사의 기업가정신"},
    {"evidence older than the period", "평가 기간보다 오래된 근거"},
    {"Firms", "기업 수"},
    {"Mean total", "평균 총점"},
    {"Contents", "차례"},
    {"Data in this report may be illustrative; see each company file.", "이 보고서의 자료는 예시일 수 있습니다. 각 기업 파일을 보세요."},
    {"Outcomes", "성과"},
    {"Outcome", "성과 지표"},
    {"Spearman's rho", "스피어만 순위상관"},
    {"These correlations show association, not cause: firms that score higher on a dimension may report other outcomes for many reasons.", "이 상관계수는 연관을 보여 줄 뿐 인과를 뜻하지 않습니다. 어떤 차원의 점수가 높은 기업이 다른 성과를 보고하는 데에는 여러 이유가 있을 수 있습니다."},
    {"Movers", "순위 변동"},
    {"Change", "변화"},
    {"Grade transitions (rows: from, columns: to)", "등급 변화 (행: 이전, 열: 이후)"},
    {"Changes per dimension", "차원별 변화"},
    {"Scorecard", "평가표"},
    {"of", "/"},
    {"Criterion", "기준"},
    {"Weights from pairwise comparison", "쌍대비교로 구한 가중치"},
    {"λmax", "λmax"},
    {"Consistency index (CI)", "일관성 지수(CI)"},
    {"Consistency ratio (CR)", "일관성 비율(CR)"},
    {"Random index (RI, Saaty 1980)", "무작위 지수(RI, Saaty 1980)"},
    {"inconsistent: above 0.10", "비일관: 0.10 초과"},
    {"Rank robustness", "순위 강건성"},
    {"Rank acceptability: share of samples at each rank", "순위 수용도: 각 순위가 나온 표본 비율"},
    {"Mean rank", "평균 순위"},
    {"95 % rank interval", "95 % 순위 구간"},
    {"Top-k probability", "상위 k 진입 확률"},
    {"stable", "안정"},
    {"Nominal rank", "기준 순위"},
    {"Samples", "표본 수"},
    {"Seed", "시드"},
    {"Weight sampling", "가중치 표집"},
    {"Grade probabilities", "등급 확률"},
    {"Rater agreement (Krippendorff's alpha)", "평가자 간 일치도 (Krippendorff 알파)"},
    {"α interval", "α 등간"},
    {"α ordinal", "α 서열"},
    {"Units", "평가 단위"},
    {"Values", "값"},
    {"Overall", "전체"},
    {"Each firm is scored again under dimension weights drawn at random; a rank is stable when the firm holds its nominal rank in at least 90 % of the samples.", "차원 가중치를 무작위로 뽑아 각 기업을 다시 채점합니다. 표본의 90 % 이상에서 기준 순위를 유지하면 안정적인 순위입니다."},
    {"Krippendorff: α ≥ 0.800 is reliable; 0.667 to 0.800 allows tentative conclusions only. Units are a firm's indicator rated by two raters or more; values are normalized to 0–100.", "Krippendorff 기준: α ≥ 0.800이면 신뢰할 수 있고, 0.667~0.800이면 잠정적 결론만 가능합니다. 평가 단위는 평가자 2명 이상이 평가한 기업별 지표이며, 값은 0~100으로 환산한 점수입니다."},
    {"unstable", "불안정"},
    {"TOPSIS: closeness to the cohort's ideal, D- / (D+ + D-), over the indicators with their shares of the total; the dimension scores above are weighted means, for the profile", "TOPSIS: 지표별 총점 내 비중으로 잰 집단 이상점과의 근접도 D- / (D+ + D-). 위의 차원 점수는 윤곽을 보이기 위한 가중평균입니다"},
    {"Stable (≥ 90 %)", "순위 안정 (≥ 90 %)"},
    {"Share at the nominal rank", "기준 순위 유지 비율"},
    {"Top-only mode: only how often each firm ranks in the top k was counted; rank acceptability, rank intervals and grade probabilities were not computed.", "상위 k위 모드: 각 기업이 상위 k위 안에 든 횟수만 셌으며, 순위 수용도, 순위 구간, 등급 확률은 계산하지 않았습니다."},
}};
static_assert(kWords.size() == static_cast<std::size_t>(Word::top_only_note) + 1, "one entry per Word");

std::string_view pick(const Pair& p, core::Lang lang) { return lang == core::Lang::ko ? p.ko : p.en; }

}  // namespace

std::string_view word(Word w, core::Lang lang) { return pick(kWords[static_cast<std::size_t>(w)], lang); }

std::string_view size_name(model::SizeClass size, core::Lang lang) {
  static constexpr Pair kSizes[] = {{"large", "대기업"}, {"medium", "중기업"}, {"small", "소기업"}, {"micro", "소상공인"}};
  return pick(kSizes[static_cast<int>(size)], lang);
}

std::string_view role_name(model::Role role, core::Lang lang) {
  return role == model::Role::large ? word(Word::large_firm, lang) : word(Word::sme, lang);
}

std::string_view method_name(model::Method method, core::Lang lang) {
  static constexpr Pair kMethods[] = {
      {"weighted arithmetic mean", "가중 산술평균"}, {"weighted geometric mean", "가중 기하평균"}, {"TOPSIS", "TOPSIS"}};
  return pick(kMethods[static_cast<int>(method)], lang);
}

std::string_view normalization_name(model::Normalization n, core::Lang lang) {
  static constexpr Pair kNames[] = {{"absolute (against each scale)", "절대 (척도 기준)"},
                                    {"min-max over the cohort", "집단 내 최소-최대"},
                                    {"vector over the cohort", "집단 내 벡터"}};
  return pick(kNames[static_cast<int>(n)], lang);
}

std::string_view policy_name(model::MissingPolicy p, core::Lang lang) {
  static constexpr Pair kNames[] = {{"fail", "오류 처리"}, {"renormalize", "가중치 재조정"}, {"zero", "0점 처리"}};
  return pick(kNames[static_cast<int>(p)], lang);
}

std::string grade_label(const model::Rubric& rubric, const std::string& grade, core::Lang lang) {
  if (const auto* g = rubric.find_grade(grade)) return g->label.get(lang);
  return "-";
}

std::string value_text(const model::Value& value) {
  if (const double* d = std::get_if<double>(&value)) return core::format_shortest(*d);
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  return std::get<std::string>(value);
}

}  // namespace ecoscore::report
