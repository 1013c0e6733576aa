using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Application.Tiers;
using Srdi.Web.Hosting;

namespace Srdi.Web.Apis;

/// <summary>An enterprise profile (docs/profile.md) in the body, a date in the query: its
/// evaluation (srdi.evaluation/1), its tier assessment (srdi.assessment/1), or the comparison of
/// the areas it could be registered in (srdi.area-comparison/1).</summary>
public static class EvaluationsApi
{
    private const string ProfileJson = "application/json";

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("企业评估");

        api.MapPost("/evaluations", Evaluate)
            .WithName("EvaluateEnterprise")
            .WithSummary("评估一家企业适用的全部措施、金额、依据和待补充信息")
            .WithDescription("请求体为企业档案 JSON（docs/profile.md）；at：评估日期 YYYY-MM-DD（默认今天）；"
                + "includeDrafts：合计中计入征求意见稿；withUpgrade：另列晋级价值。结果结构见 docs/evaluation-json.md。")
            .Accepts<System.Text.Json.Nodes.JsonObject>(ProfileJson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapPost("/assessments", Assess)
            .WithName("AssessEnterprise")
            .WithSummary("评估企业的梯度：创新型、专精特新、小巨人的资格、得分、差距与晋级价值")
            .WithDescription("请求体为企业档案 JSON；at：评估日期 YYYY-MM-DD（默认今天）。结果结构见 docs/assessment-json.md。")
            .Accepts<System.Text.Json.Nodes.JsonObject>(ProfileJson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapPost("/comparisons", Compare)
            .WithName("CompareAreas")
            .WithSummary("比较企业注册在目录中各地区时可获得的支持，按现行有效的确定金额、最高金额排序")
            .WithDescription("请求体为企业档案 JSON；at：评估日期 YYYY-MM-DD（默认今天）。征求意见稿的金额单列，不计入排序。")
            .Accepts<System.Text.Json.Nodes.JsonObject>(ProfileJson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return app;
    }

    private static async Task<Results<Ok<EvaluationResult>, ProblemHttpResult>> Evaluate(
        HttpRequest request, string? at, string? includeDrafts, string? withUpgrade,
        ProfileReader profiles, EvaluationService evaluations, TimeProvider clock, IOptions<SrdiWebOptions> options, CancellationToken cancellationToken)
    {
        if (RequestInput.Flag("includeDrafts", includeDrafts, out var drafts) is { } badDrafts) return badDrafts;
        if (RequestInput.Flag("withUpgrade", withUpgrade, out var upgrade) is { } badUpgrade) return badUpgrade;
        var (profile, date, problem) = await RequestInput.ProfileAsync(request, at, profiles, clock, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(evaluations.Result(evaluations.Evaluate(profile!, date, drafts, upgrade)));
    }

    private static async Task<Results<Ok<AssessmentResult>, ProblemHttpResult>> Assess(
        HttpRequest request, string? at,
        ProfileReader profiles, AssessmentService assessments, TimeProvider clock, IOptions<SrdiWebOptions> options, CancellationToken cancellationToken)
    {
        var (profile, date, problem) = await RequestInput.ProfileAsync(request, at, profiles, clock, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(AssessmentService.Result(assessments.Assess(profile!, date)));
    }

    private static async Task<Results<Ok<AreaComparisonResult>, ProblemHttpResult>> Compare(
        HttpRequest request, string? at,
        ProfileReader profiles, AreaComparison comparison, TimeProvider clock, IOptions<SrdiWebOptions> options, CancellationToken cancellationToken)
    {
        var (profile, date, problem) = await RequestInput.ProfileAsync(request, at, profiles, clock, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(comparison.Compare(profile!, date));
    }
}
