#include "validate/validate.hpp"

#include <map>

#include "validate/document_reader.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

Model validate(const content::RawContent& raw, base::Diagnostics& diags) {
  Model model;
  check_characters(raw, diags);
  if (raw.site) model.site = read_site(*raw.site, raw.assets, diags);
  if (raw.documents) model.documents = read_documents(*raw.documents, diags);
  std::vector<std::string> dirs;  // the directory of each plan of model.plans
  for (const auto& rp : raw.plans) {
    if (!rp.plan) continue;
    PlanReader reader(rp, diags);
    model.plans.push_back(reader.run());
    dirs.push_back(rp.dir);
    for (auto& d : reader.documents_) model.documents.push_back(std::move(d));
  }
  // Plan and document ids share one site-wide namespace: both are reference targets. When two plans
  // claim one id, the plan in the directory named after the id keeps it and the other is reported — a
  // copied plan folder ("sendai-hr-2 - コピー", "sendai-hr-3") still carrying the old id is the mistake,
  // not the plan it was copied from; without such a directory, the first in directory order keeps it.
  std::map<std::string, base::Location> seen;
  auto claim = [&](const std::string& id, const base::Location& where, Msg what, const std::string* dir) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, where);
    if (inserted) return;
    const auto first = it->second.known() ? msg<Msg::common_at_line>(arg<"path">(it->second.file->path()),
                                                                     arg<"line">(it->second.file->locate(it->second.offset).line))
                                          : term(Msg::term_elsewhere);
    std::vector<base::Message> hints;
    if (dir) hints.push_back(msg<Msg::duplicate_id_copied_plan_hint>(arg<"dir">(*dir)));
    else hints.push_back(msg<Msg::duplicate_id_site_id_hint>());
    diags.error(where, msg<Msg::duplicate_id_site_id>(arg<"what">(term(what)), arg<"id">(id), arg<"first">(first)), hints);
  };
  for (const bool named_after_id : {true, false})
    for (std::size_t i = 0; i < model.plans.size(); ++i)
      if ((dirs[i] == model.plans[i].id) == named_after_id) claim(model.plans[i].id, model.plans[i].location, Msg::term_plan, &dirs[i]);
  for (const auto& d : model.documents) claim(d.id, d.location, Msg::term_external_document, nullptr);
  check_series(model, diags);
  return model;
}

}  // namespace planpress::validate
