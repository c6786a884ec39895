// The Chinese stance evaluation on the labelled set: both parts measured, every method present, and the
// default above "ignore the target" on the dev part (the part the rules were written on).
#include "text/stance_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "tests/testutil/shared_data.h"
#include "text/paths.h"
#include "text/stance.h"

namespace vigil::text {
namespace {

const MethodResult* FindMethod(const TaskResult& task, std::string_view name) {
  for (const MethodResult& m : task.methods) {
    if (m.method == name) return &m;
  }
  return nullptr;
}

TEST(ChineseStanceEvalTest, DevAndHeldOutPartsWithEveryMethod) {
  VIGIL_REQUIRE_SHARED_DATA("telegram-desktop-export-zh-channel/result.json");
  const std::string models = DefaultModelDir();
  if (!std::filesystem::exists(models + "/" + kAttackModelProbe)) {
    GTEST_SKIP() << "models not trained (run vigil train): " << models;
  }
  auto normalizer = Normalizer::Create();
  ASSERT_TRUE(normalizer.ok());
  std::ostringstream log;
  const auto tasks = ChineseStanceTasks(EvalPaths{*testutil::SharedDataDir(), testutil::SourcePath("data"), models},
                                        **normalizer, &log);
  ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
  ASSERT_EQ(tasks->size(), 2u);
  const TaskResult& dev = (*tasks)[0];
  const TaskResult& held_out = (*tasks)[1];
  EXPECT_EQ(dev.test, 211);
  EXPECT_EQ(held_out.test, 147);
  for (const TaskResult* task : {&dev, &held_out}) {
    EXPECT_EQ(task->methods.size(), 7u);
    for (const MethodResult& m : task->methods) {
      EXPECT_EQ(m.predictions.size(), task->gold.size()) << m.method;
      EXPECT_GE(m.metrics.macro_f1, 0.0);
      EXPECT_LE(m.metrics.macro_f1, 1.0);
    }
  }
  const MethodResult* vigil = FindMethod(dev, kStanceMethodDefault);
  const MethodResult* ignore = FindMethod(dev, kStanceMethodIgnoreTarget);
  ASSERT_NE(vigil, nullptr);
  ASSERT_NE(ignore, nullptr);
  EXPECT_GT(vigil->metrics.macro_f1, ignore->metrics.macro_f1 + 0.05);
}

}  // namespace
}  // namespace vigil::text
