#pragma once

#include <memory>

namespace ecoscore::core {

// A value kept on the heap and made only when first written: for what few
// of many records have, so that the others each carry a pointer for it, not
// its room. Reading one never written gives T's default. Copied with its
// owner (a deep copy), moved as a pointer.
template <typename T>
class Box {
 public:
  Box() = default;
  Box(const Box& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  ~Box() = default;

  const T& get() const {
    static const T kNone{};
    return value_ ? *value_ : kNone;
  }
  T& edit() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }
  bool made() const { return value_ != nullptr; }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace ecoscore::core
