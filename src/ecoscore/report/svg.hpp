#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecoscore::report {

// Text safe in HTML and SVG text and attribute values: & < > " ' escaped.
std::string html_escape(std::string_view text);

// One polygon of a radar chart: a value on 0..100 per axis (none: drawn at 0
// and marked missing in the title).
struct RadarSeries {
  std::string label;
  std::vector<std::optional<double>> values;
  std::string color;
  bool dashed = false;
};

// A radar (spider) chart, axes from the top clockwise, rings at 25/50/75/100.
std::string radar_svg(const std::vector<std::string>& axes, const std::vector<RadarSeries>& series, int size);

struct Bubble {
  double x = 0;     // 0..100
  double y = 0;     // 0..100
  double size = 0;  // 0..100, drawn as the area
  std::string color;
  std::string title;  // shown on hover and read by screen readers
};

// A quadrant chart: x and y on 0..100 split at 50, bubbles sized by a third value.
std::string quadrant_svg(const std::vector<Bubble>& bubbles, const std::string& x_label, const std::string& y_label,
                         const std::string& size_label);

struct GapBar {
  std::string label;
  double gap = 0;  // points, signed
  bool flagged = false;
};

// Horizontal bars of signed gaps around a centre line, with the threshold marked.
std::string gap_bars_svg(const std::vector<GapBar>& bars, double threshold, const std::string& left_label,
                         const std::string& right_label);

// A colour for grade band k of n, from green (best) to red; `text` gives a
// darker shade with enough contrast for text on white.
std::string grade_color(std::size_t k, std::size_t n, bool text = false);

}  // namespace ecoscore::report
