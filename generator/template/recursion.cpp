#include "template/recursion.hpp"

namespace planpress::tmpl::detail {

namespace {

// The partial and parent tags a template expands whatever the data: those at its top level. Tags inside
// sections depend on the data; those inside blocks (defaults or arguments) may be replaced or unused.
std::vector<const Node*> unconditional_expansions(const Template& t) {
  std::vector<const Node*> out;
  for (const Node& n : t.nodes)
    if ((n.kind == NodeKind::partial || n.kind == NodeKind::parent) && n.target != nullptr) out.push_back(&n);
  return out;
}

class CycleFinder {
 public:
  explicit CycleFinder(base::Diagnostics& diags) : diags_(diags) {}

  void visit(const Template& t) {
    if (state_[&t] != State::unvisited) return;
    state_[&t] = State::active;
    for (const Node* tag : unconditional_expansions(t)) {
      const Template& next = *tag->target;
      if (state_[&next] == State::active) {
        report(t, *tag);
      } else if (state_[&next] == State::unvisited) {
        path_.push_back({&t, tag});
        visit(next);
        path_.pop_back();
      }
    }
    state_[&t] = State::done;
  }

 private:
  enum class State { unvisited, active, done };
  struct Step {
    const Template* from;
    const Node* tag;
  };

  // `tag` in `from` leads back to a template on the current path: the cycle runs from there to `tag`.
  void report(const Template& from, const Node& tag) {
    std::vector<Step> cycle;
    bool in_cycle = false;
    for (const Step& s : path_) {
      in_cycle = in_cycle || s.from == tag.target;
      if (in_cycle) cycle.push_back(s);
    }
    cycle.push_back({&from, &tag});
    std::string chain = cycle.front().from->name;
    for (const Step& s : cycle) chain += " → " + s.tag->target->name;
    const Step& first = cycle.front();
    using base::arg, base::msg, base::Msg;
    const Msg what = first.tag->kind == NodeKind::parent ? Msg::term_parent : Msg::term_partial;
    const base::CodedMessage message =
        cycle.size() == 1 ? msg<Msg::template_recursion_itself>(arg<"name">(tag.target->name))
                          : msg<Msg::template_recursion_cycle>(arg<"kind">(base::Message{what, {}}), arg<"tag">(first.tag->text),
                                                               arg<"name">(first.from->name), arg<"chain">(chain));
    diags_.error(base::Location::in(first.from->source, first.tag->offset), message,
                 {msg<Msg::template_recursion_cycle_hint>(arg<"name">(tag.target->name))});
  }

  base::Diagnostics& diags_;
  std::map<const Template*, State> state_;
  std::vector<Step> path_;
};

}  // namespace

void check_recursion(const std::vector<std::string>& order,
                     const std::map<std::string, std::unique_ptr<Template>, std::less<>>& templates,
                     base::Diagnostics& diags) {
  CycleFinder finder(diags);
  for (const std::string& name : order) finder.visit(*templates.at(name));
}

}  // namespace planpress::tmpl::detail
