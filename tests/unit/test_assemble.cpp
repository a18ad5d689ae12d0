#include <catch2/catch.hpp>

#include "model/departments.hpp"

using namespace planpress::model;

namespace {
std::vector<std::string> names(const std::string& printed, const std::map<std::string, std::string>& aliases = {}) {
  std::vector<std::string> out;
  for (const auto& u : split_department(printed, aliases)) out.push_back(u.name);
  return out;
}
}  // namespace

TEST_CASE("printed department entries split into normalised units", "[model][departments]") {
  // Entries as printed in the real documents.
  CHECK(names("総務局人事課、労務課、厚生課") == std::vector<std::string>{"総務局人事課", "総務局労務課", "総務局厚生課"});
  CHECK(names("総務局人事課・職員研修所（各職場）") == std::vector<std::string>{"総務局人事課", "総務局職員研修所"});
  CHECK(names("総務局コンプライアンス推進担当、市民局区政課") ==
        std::vector<std::string>{"総務局コンプライアンス推進担当", "市民局区政課"});
  CHECK(names("財政局契約課、会計室会計課") == std::vector<std::string>{"財政局契約課", "会計室会計課"});
  CHECK(names("会計室会計課、各区税務会計課、宮城総合支所税務住民課、秋保総合支所総務課") ==
        std::vector<std::string>{"会計室会計課", "各区税務会計課", "宮城総合支所税務住民課", "秋保総合支所総務課"});
  CHECK(names("都市整備局公共施設マネジメント推進課・建築指導課") ==
        std::vector<std::string>{"都市整備局公共施設マネジメント推進課", "都市整備局建築指導課"});
  // 「職種・分野の主管課」 is one name (a role), not two units.
  const auto roles = split_department("局区、職種・分野の主管課", {});
  REQUIRE(roles.size() == 2);
  CHECK(roles[0].name == "局区");
  CHECK(roles[1].name == "職種・分野の主管課");
  CHECK(roles[1].generic);
  CHECK(names("総務局人事課（総括）") == std::vector<std::string>{"総務局人事課"});
  const auto wrapped = split_department("（各職場）", {});
  REQUIRE(wrapped.size() == 1);
  CHECK(wrapped[0].name == "各職場");
  CHECK(wrapped[0].generic);
}

TEST_CASE("bureaus, width variants and aliases", "[model][departments]") {
  auto u = split_department("人事委員会事務局任用課", {});
  REQUIRE(u.size() == 1);
  CHECK(u[0].bureau == "人事委員会事務局");
  CHECK(split_department("会計室会計課", {})[0].bureau == "会計室");
  // 全角英字 and 半角カナ meet their usual forms.
  CHECK(names("総務局ＤＸ推進課") == names("総務局DX推進課"));
  CHECK(names("総務局ｺﾝﾌﾟﾗｲｱﾝｽ推進担当") == std::vector<std::string>{"総務局コンプライアンス推進担当"});
  CHECK(names("総務局行政経営課", {{"総務局行政経営課", "総務局行政経営課（旧）"}}) == std::vector<std::string>{"総務局行政経営課（旧）"});
}
