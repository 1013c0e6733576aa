using Microsoft.AspNetCore.Http.HttpResults;
using Srdi.Application;
using Srdi.Application.Contracts;
using Srdi.Application.Policies;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;
using Srdi.Storage.Search;
using Srdi.Web.Hosting;

namespace Srdi.Web.Apis;

/// <summary>The policy catalog: its documents, its measures (filtered or searched) and one
/// measure whole. Every answer is a contract of PolicyLibrary, as `srdi policies` shows it; the
/// text search (q) is the database's full-text search (<see cref="PolicySearch"/>), best first.</summary>
public static class PoliciesApi
{
    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("政策目录");

        api.MapGet("/documents", Documents)
            .WithName("ListDocuments")
            .WithSummary("列出政策目录中的全部政策文件")
            .WithDescription("每份文件的编号、发文单位、状态（in-force / draft）、层级、适用地区和有效期。");

        api.MapGet("/measures", Measures)
            .WithName("ListMeasures")
            .WithSummary("列出措施，可按城市、层级、类别、状态、梯度筛选或按文字搜索")
            .WithDescription("city：省、市或区名（深圳、南山区）；level：district 或 city；category：类别代码；"
                + "status：in-force 或 draft（或 现行有效、征求意见稿）；tier：证书种类代码（little-giant）；"
                + "q：在文件标题、措施标题和条文中搜索的文字（租金、小巨人；以空格分隔的多个词须同时出现），结果按相关程度排序。")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/measures/{id}", Measure)
            .WithName("GetMeasure")
            .WithSummary("查看一项措施：原文、规则与测试")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static Ok<IReadOnlyList<PolicyDocumentResult>> Documents(PolicyLibrary library) => TypedResults.Ok(library.Documents());

    private static async Task<Results<Ok<IReadOnlyList<MeasureSummary>>, ProblemHttpResult>> Measures(
        PolicyLibrary library, PolicySearch search, PolicyNavigator navigator,
        string? city, string? level, string? category, string? status, string? tier, string? q, CancellationToken cancellationToken)
    {
        GovernmentLevel? governmentLevel = null;
        if (!string.IsNullOrEmpty(level))
        {
            if (!Codes.TryParse<GovernmentLevel>(level, out var l))
                return Problems.Parameter("level", $"level 应为 {string.Join(" 或 ", Codes.All<GovernmentLevel>())}，实际为“{level}”");
            governmentLevel = l;
        }
        DocumentStatus? documentStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!library.TryStatus(status, out var s))
                return Problems.Parameter("status", $"status 应为 {string.Join(" 或 ", Codes.All<DocumentStatus>())}，实际为“{status}”");
            documentStatus = s;
        }
        var vocabulary = navigator.Catalog.Vocabulary;
        if (!string.IsNullOrEmpty(category) && !vocabulary.Terms.Categories.Contains(category))
            return Problems.Parameter("category", $"没有类别“{category}”；可用的类别：{string.Join("、", vocabulary.Terms.Categories.Codes)}");
        if (!string.IsNullOrEmpty(tier) && !vocabulary.Certificates.ContainsKey(tier))
            return Problems.Parameter("tier", $"没有证书种类“{tier}”；可用的种类：{string.Join("、", vocabulary.Certificates.Keys.Order(StringComparer.Ordinal))}");

        var rows = await search.FindAsync(new PolicyFilter(NullIfEmpty(city), governmentLevel, NullIfEmpty(category), documentStatus, NullIfEmpty(tier)), q, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MeasureSummary>>(rows.Select(x => PolicyLibrary.Summary(x.Document, x.Measure)).ToList());
    }

    private static Results<Ok<MeasureDetail>, ProblemHttpResult> Measure(string id, PolicyLibrary library) =>
        library.Show(id) is { } detail
            ? TypedResults.Ok(detail)
            : Problems.NotFound($"没有措施“{id}”；用 GET /api/v1/measures 或 ?q= 搜索查找措施 id", "id");

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
