#include "ecoscore/report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "ecoscore/core/number.hpp"
#include "ecoscore/core/text.hpp"

namespace ecoscore::report {
namespace {

std::string num(double v) { return core::format_fixed(v, 1); }

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string grade_color(std::size_t k, std::size_t n, bool text) {
  static constexpr const char* kFill[] = {"#1a9850", "#66bd63", "#a6d96a", "#fdae61", "#f46d43", "#d73027"};
  // Darker shades of the same hues, readable as text on white.
  static constexpr const char* kText[] = {"#0f6b36", "#2f7d2a", "#5a7a12", "#a65b00", "#b53a1a", "#a50026"};
  const std::size_t index = n <= 1 ? 0 : std::min<std::size_t>(k * 5 / (n - 1), 5);
  return text ? kText[index] : kFill[index];
}

// A label split at the space nearest its middle when long, as SVG tspans.
std::string wrapped_label(const std::string& text, double x, double y, const char* anchor) {
  std::vector<std::string> lines = {text};
  if (core::count_code_points(text) > 12) {
    std::size_t best = std::string::npos;
    for (std::size_t i = text.find(' '); i != std::string::npos; i = text.find(' ', i + 1))
      if (best == std::string::npos ||
          std::abs(static_cast<long>(i) - static_cast<long>(text.size() / 2)) <
              std::abs(static_cast<long>(best) - static_cast<long>(text.size() / 2)))
        best = i;
    if (best != std::string::npos) lines = {text.substr(0, best), text.substr(best + 1)};
  }
  std::string s = fmt::format(R"(<text x="{}" y="{}" text-anchor="{}" font-size="11">)", num(x),
                              num(y - 6.5 * static_cast<double>(lines.size() - 1)), anchor);
  for (std::size_t k = 0; k < lines.size(); ++k)
    s += fmt::format(R"(<tspan x="{}" dy="{}">{}</tspan>)", num(x), k == 0 ? "0" : "13", html_escape(lines[k]));
  return s + "</text>";
}

std::string radar_svg(const std::vector<std::string>& axes, const std::vector<RadarSeries>& series, int size) {
  // Room around the chart for axis labels.
  const double pad = 110;
  const double width = size + 2 * pad;
  const double c = size / 2.0;
  const double cx = width / 2.0;
  const double r = size * 0.36;
  const std::size_t n = axes.size();
  const auto point = [&](std::size_t k, double value) {
    const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(n);
    const double d = r * std::clamp(value, 0.0, 100.0) / 100.0;
    return std::pair{cx + d * std::cos(angle), c + d * std::sin(angle)};
  };
  std::string s = fmt::format(R"(<svg class="chart radar" viewBox="0 0 {0} {1}" width="{0}" height="{1}" role="img">)",
                              num(width), size);
  for (int ring = 1; ring <= 4; ++ring) {
    std::string pts;
    for (std::size_t k = 0; k < n; ++k) {
      const auto [x, y] = point(k, ring * 25.0);
      pts += (k ? " " : "") + num(x) + "," + num(y);
    }
    s += fmt::format(R"(<polygon points="{}" fill="none" stroke="#ccc" stroke-width="1"/>)", pts);
  }
  for (std::size_t k = 0; k < n; ++k) {
    const auto [x, y] = point(k, 100);
    const auto [lx, ly] = point(k, 112);
    const char* anchor = std::fabs(lx - cx) < 1 ? "middle" : (lx > cx ? "start" : "end");
    s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#ccc"/>)", num(cx), num(c), num(x), num(y));
    s += wrapped_label(axes[k], lx, ly + 4, anchor);
  }
  for (const auto& ser : series) {
    std::string pts;
    std::string missing;
    for (std::size_t k = 0; k < n; ++k) {
      const auto& v = k < ser.values.size() ? ser.values[k] : std::optional<double>{};
      const auto [x, y] = point(k, v.value_or(0));
      pts += (k ? " " : "") + num(x) + "," + num(y);
      if (!v) missing += (missing.empty() ? "" : ", ") + axes[k];
    }
    s += fmt::format(R"(<polygon points="{}" fill="{}" fill-opacity="0.18" stroke="{}" stroke-width="2"{}><title>{}{}</title></polygon>)",
                     pts, ser.color, ser.color, ser.dashed ? R"( stroke-dasharray="5,3")" : "", html_escape(ser.label),
                     missing.empty() ? "" : " (- " + html_escape(missing) + ")");
  }
  for (std::size_t i = 0; i < series.size(); ++i)
    s += fmt::format(R"(<rect x="4" y="{}" width="12" height="4" fill="{}"/><text x="20" y="{}" font-size="11">{}</text>)",
                     size - 14 - 16 * static_cast<int>(series.size() - 1 - i), series[i].color,
                     size - 10 - 16 * static_cast<int>(series.size() - 1 - i), html_escape(series[i].label));
  return s + "</svg>";
}

std::string quadrant_svg(const std::vector<Bubble>& bubbles, const std::string& x_label, const std::string& y_label,
                         const std::string& size_label) {
  constexpr double kW = 520, kH = 420, kLeft = 56, kTop = 16, kPlot = 340;
  const auto px = [&](double v) { return kLeft + std::clamp(v, 0.0, 100.0) / 100.0 * kPlot; };
  const auto py = [&](double v) { return kTop + (1 - std::clamp(v, 0.0, 100.0) / 100.0) * kPlot; };
  std::string s = fmt::format(R"(<svg class="chart quadrant" viewBox="0 0 {} {}" width="{}" height="{}" role="img">)",
                              num(kW), num(kH), num(kW), num(kH));
  s += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#fafafa" stroke="#999"/>)", num(kLeft), num(kTop),
                   num(kPlot), num(kPlot));
  s += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#999" stroke-dasharray="4,3"/>)", num(px(50)),
                   num(kTop), num(kTop + kPlot));
  s += fmt::format(R"(<line x1="{1}" y1="{0}" x2="{2}" y2="{0}" stroke="#999" stroke-dasharray="4,3"/>)", num(py(50)),
                   num(kLeft), num(kLeft + kPlot));
  for (int t = 0; t <= 100; t += 25) {
    s += fmt::format(R"(<text x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>)", num(px(t)),
                     num(kTop + kPlot + 14), t);
    s += fmt::format(R"(<text x="{}" y="{}" font-size="10" text-anchor="end">{}</text>)", num(kLeft - 6), num(py(t) + 3), t);
  }
  s += fmt::format(R"(<text x="{}" y="{}" font-size="12" text-anchor="middle">{}</text>)", num(kLeft + kPlot / 2),
                   num(kTop + kPlot + 32), html_escape(x_label));
  s += fmt::format(R"svg(<text x="14" y="{0}" font-size="12" text-anchor="middle" transform="rotate(-90 14 {0})">{1}</text>)svg",
                   num(kTop + kPlot / 2), html_escape(y_label));
  // Large bubbles first, so small ones stay visible on top.
  std::vector<const Bubble*> order;
  for (const auto& b : bubbles) order.push_back(&b);
  std::stable_sort(order.begin(), order.end(), [](const Bubble* a, const Bubble* b) { return a->size > b->size; });
  for (const Bubble* b : order)
    s += fmt::format(R"(<circle cx="{}" cy="{}" r="{}" fill="{}" fill-opacity="0.75" stroke="#333"><title>{}</title></circle>)",
                     num(px(b->x)), num(py(b->y)), num(4 + 14 * std::sqrt(std::clamp(b->size, 0.0, 100.0) / 100.0)),
                     b->color, html_escape(b->title));
  s += fmt::format(R"(<text x="{}" y="{}" font-size="11">○ = {}</text>)", num(kLeft + kPlot + 12), num(kTop + 12),
                   html_escape(size_label));
  return s + "</svg>";
}

std::string gap_bars_svg(const std::vector<GapBar>& bars, double threshold, const std::string& left_label,
                         const std::string& right_label) {
  constexpr double kW = 620, kLabel = 220, kHalf = 180, kRow = 18;
  const double h = 30 + kRow * static_cast<double>(bars.size());
  const double centre = kLabel + kHalf;
  const auto px = [&](double gap) { return centre + std::clamp(gap, -100.0, 100.0) / 100.0 * kHalf; };
  std::string s = fmt::format(R"(<svg class="chart gaps" viewBox="0 0 {} {}" width="{}" height="{}" role="img">)",
                              num(kW), num(h), num(kW), num(h));
  s += fmt::format(R"(<text x="{}" y="12" font-size="10" text-anchor="end">{}</text>)", num(centre - 4), html_escape(left_label));
  s += fmt::format(R"(<text x="{}" y="12" font-size="10">{}</text>)", num(centre + 4), html_escape(right_label));
  for (double t : {-threshold, threshold})
    s += fmt::format(R"(<line x1="{0}" y1="16" x2="{0}" y2="{1}" stroke="#d73027" stroke-dasharray="3,3"/>)", num(px(t)),
                     num(h - 4));
  s += fmt::format(R"(<line x1="{0}" y1="16" x2="{0}" y2="{1}" stroke="#333"/>)", num(centre), num(h - 4));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = 20 + kRow * static_cast<double>(i);
    const double x0 = std::min(px(0), px(bars[i].gap));
    const double w = std::fabs(px(bars[i].gap) - px(0));
    s += fmt::format(R"(<text x="{}" y="{}" font-size="11" text-anchor="end">{}</text>)", num(kLabel - 6), num(y + 11),
                     html_escape(bars[i].label));
    s += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="12" fill="{}"><title>{} {}</title></rect>)", num(x0), num(y),
                     num(std::max(w, 1.0)), bars[i].flagged ? "#d73027" : "#4575b4", html_escape(bars[i].label),
                     core::format_fixed(bars[i].gap, 1));
    s += fmt::format(R"(<text x="{}" y="{}" font-size="10">{}</text>)", num(std::max(px(bars[i].gap), px(0)) + 4),
                     num(y + 10), core::format_fixed(bars[i].gap, 1));
  }
  return s + "</svg>";
}

}  // namespace ecoscore::report
