using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Application.Tiers;
using Srdi.Model.Profiles;
using Srdi.Storage.Database;
using Srdi.Storage.Accounts;
using Srdi.Storage.Records;
using Srdi.Web.Accounts;
using Srdi.Web.Hosting;

namespace Srdi.Web.Apis;

/// <summary>The enterprise records (一户一档) over <see cref="EnterpriseRecords"/>: create,
/// read, change (every change a new version, guarded by <c>If-Match: "version"</c>), list,
/// history, and each stored version evaluated, assessed or compared with another by the
/// application services. Programs sign in with an API token; each sees only the records open to
/// its user (<see cref="EnterpriseAccess"/>).</summary>
public static class EnterprisesApi
{
    private const string ProfileJson = "application/json";
    private const string Root = "/api/v1/enterprises";

    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        // Programs only, by API token; every route with {id} passes the access filter first.
        var api = app.MapGroup(Root).WithTags("企业档案")
            .RequireAuthorization(AccountsExtensions.ApiPolicy)
            .AddEndpointFilter<EnterpriseAccessFilter>();

        api.MapPost("/", Create)
            .WithName("CreateEnterprise")
            .WithSummary("新建企业档案（第 1 版）")
            .WithDescription("请求体为企业档案 JSON（docs/profile.md），其 id 即档案标识；note：可选的修改说明。"
                + "返回 201、档案和 Location；ETag 为当前版本号。同一 id 已有档案时返回 409。")
            .Accepts<System.Text.Json.Nodes.JsonObject>(ProfileJson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapGet("/", List)
            .WithName("ListEnterprises")
            .WithSummary("按城市、区县、名称查询企业档案，分页返回并给出总数")
            .WithDescription("city、district：全称精确匹配（深圳市、南山区）；name：名称包含的文字；page：从 1 起；pageSize：1 至 200（默认 20）。按 id 排序。")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/{id}", Get)
            .WithName("GetEnterprise")
            .WithSummary("查看企业档案的当前版本")
            .WithDescription("返回当前档案（按提交时的 JSON 保存）和版本信息；ETag 为当前版本号，修改时放入 If-Match。")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/{id}", Update)
            .WithName("UpdateEnterprise")
            .WithSummary("修改企业档案：保存为新版本")
            .WithDescription("请求头 If-Match: \"版本号\"（GET 返回的 ETag）为修改所基于的版本，必填；请求体为完整的企业档案 JSON，id 不能修改；note：可选的修改说明。"
                + "缺少 If-Match 返回 428；期间他人已保存新版本返回 412。")
            .Accepts<System.Text.Json.Nodes.JsonObject>(ProfileJson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapGet("/{id}/versions", History)
            .WithName("ListEnterpriseVersions")
            .WithSummary("查看企业档案的全部版本：版本号、修改人、时间、说明")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id}/versions/{number:int}", Version)
            .WithName("GetEnterpriseVersion")
            .WithSummary("查看企业档案的某一版本")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id}/evaluation", Evaluate)
            .WithName("EvaluateStoredEnterprise")
            .WithSummary("评估已存档企业适用的全部措施、金额、依据和待补充信息")
            .WithDescription("at：评估日期 YYYY-MM-DD（默认今天）；includeDrafts、withUpgrade 同 POST /api/v1/evaluations；"
                + "version：评估该版本的档案（默认当前版本）。结果结构见 docs/evaluation-json.md。")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id}/assessment", Assess)
            .WithName("AssessStoredEnterprise")
            .WithSummary("评估已存档企业的梯度：资格、得分、差距与晋级价值")
            .WithDescription("at：评估日期 YYYY-MM-DD（默认今天）；version：评估该版本的档案（默认当前版本）。结果结构见 docs/assessment-json.md。")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id}/changes", Changes)
            .WithName("CompareEnterpriseVersions")
            .WithSummary("比较档案两个版本在同一日期可享受的支持：状态或金额有变化的措施，前后对照")
            .WithDescription("from、to：版本号（必填）；at：评估日期 YYYY-MM-DD（默认今天）。结果结构为 srdi.entitlement-changes/1。")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id}/report", Report)
            .WithName("DownloadEnterpriseReport")
            .WithSummary("下载已存档企业的政策体检报告：PDF 或 Excel，内容与页面相同")
            .WithDescription("format：pdf 或 xlsx（必填）；at：评估日期 YYYY-MM-DD（默认今天）；includeDrafts：合计中计入征求意见稿；version：按该版本的档案（默认当前版本）。")
            .Produces(StatusCodes.Status200OK, contentType: Reports.PolicyReportExport.PdfContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<IResult> Report(
        string id, string? format, string? at, string? includeDrafts, string? version,
        EnterpriseRecords records, ProfileReader profiles, Pages.Enterprises.ReportFile files, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Pages.Enterprises.ReportFile.IsFormat(format)) return Problems.Parameter("format", $"format 应为 pdf 或 xlsx，实际为“{format}”");
        if (RequestInput.Flag("includeDrafts", includeDrafts, out var drafts) is { } badDrafts) return badDrafts;
        if (RequestInput.Date(at, clock, out var date) is { } badDate) return badDate;
        var (profile, problem) = await StoredProfileAsync(id, "version", version, records, profiles, cancellationToken);
        if (problem is not null) return problem;
        var (content, type, name) = files.Write(profile!, date, drafts, format!);
        return TypedResults.File(content, type, name);
    }

    private static async Task<Results<Created<EnterpriseResult>, ProblemHttpResult>> Create(
        HttpRequest request, HttpResponse response, string? note, ClaimsPrincipal principal,
        EnterpriseRecords records, ICurrentUser user, IOptions<SrdiWebOptions> options, CancellationToken cancellationToken)
    {
        if (Note(note) is { } badNote) return badNote;
        var viewer = principal.Viewer()!;
        var (text, problem) = await RequestInput.ProfileTextAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null) return problem;
        try
        {
            // The creator keeps the record it made (an administrator sees every record anyway).
            var record = await records.CreateAsync(text!, user.Name, NullIfEmpty(note), EnterpriseAccess.ListScope(viewer), cancellationToken);
            SetETag(response, record.Version);
            return TypedResults.Created(Root + "/" + Uri.EscapeDataString(record.Id), EnterpriseResult.From(record));
        }
        catch (ProfileException e)
        {
            return Problems.Profile(e);
        }
        catch (DuplicateEnterpriseException e)
        {
            return Problems.Conflict(e.Message, "enterprise-exists", "$.id");
        }
    }

    private static async Task<Results<Ok<EnterpriseResult>, ProblemHttpResult>> Get(
        string id, HttpResponse response, EnterpriseRecords records, CancellationToken cancellationToken)
    {
        if (await records.GetAsync(id, cancellationToken) is not { } record) return UnknownEnterprise(id);
        SetETag(response, record.Version);
        return TypedResults.Ok(EnterpriseResult.From(record));
    }

    private static async Task<Results<Ok<EnterpriseResult>, ProblemHttpResult>> Update(
        string id, HttpRequest request, HttpResponse response, string? note,
        EnterpriseRecords records, ICurrentUser user, IOptions<SrdiWebOptions> options, CancellationToken cancellationToken)
    {
        if (IfMatch(request, out var expected) is { } badVersion) return badVersion;
        if (Note(note) is { } badNote) return badNote;
        var (text, problem) = await RequestInput.ProfileTextAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null) return problem;
        try
        {
            var record = await records.UpdateAsync(id, text!, user.Name, expected, NullIfEmpty(note), cancellationToken);
            SetETag(response, record.Version);
            return TypedResults.Ok(EnterpriseResult.From(record));
        }
        catch (ProfileException e)
        {
            return Problems.Profile(e);
        }
        catch (EnterpriseNotFoundException)
        {
            return UnknownEnterprise(id);
        }
        catch (StaleVersionException e)
        {
            SetETag(response, e.CurrentVersion);
            return Problems.PreconditionFailed(e.Message, "version-stale", IfMatchHeader);
        }
    }

    private static async Task<Results<Ok<EnterprisePage>, ProblemHttpResult>> List(
        string? city, string? district, string? name, string? page, string? pageSize, ClaimsPrincipal principal, EnterpriseRecords records, CancellationToken cancellationToken)
    {
        // The storage skips (page - 1) × pageSize rows: a page beyond that range is refused, not a 500.
        if (Number("page", page, 1, int.MaxValue / EnterpriseFilter.MaxPageSize, 1, out var p) is { } badPage) return badPage;
        if (Number("pageSize", pageSize, 1, EnterpriseFilter.MaxPageSize, 20, out var size) is { } badSize) return badSize;
        return TypedResults.Ok(await records.ListAsync(new EnterpriseFilter(NullIfEmpty(city), NullIfEmpty(district), NullIfEmpty(name), p, size, EnterpriseAccess.ListScope(principal.Viewer()!)), cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<ProfileVersionSummary>>, ProblemHttpResult>> History(
        string id, EnterpriseRecords records, CancellationToken cancellationToken)
    {
        var versions = await records.HistoryAsync(id, cancellationToken);
        return versions.Count == 0 ? UnknownEnterprise(id) : TypedResults.Ok(versions);
    }

    private static async Task<Results<Ok<ProfileVersionResult>, ProblemHttpResult>> Version(
        string id, int number, EnterpriseRecords records, CancellationToken cancellationToken) =>
        await records.GetVersionAsync(id, number, cancellationToken) is { } version
            ? TypedResults.Ok(ProfileVersionResult.From(version))
            : await UnknownVersionAsync(id, number, "number", records, cancellationToken);

    private static async Task<Results<Ok<EvaluationResult>, ProblemHttpResult>> Evaluate(
        string id, string? at, string? includeDrafts, string? withUpgrade, string? version,
        EnterpriseRecords records, ProfileReader profiles, EvaluationService evaluations, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (RequestInput.Flag("includeDrafts", includeDrafts, out var drafts) is { } badDrafts) return badDrafts;
        if (RequestInput.Flag("withUpgrade", withUpgrade, out var upgrade) is { } badUpgrade) return badUpgrade;
        if (RequestInput.Date(at, clock, out var date) is { } badDate) return badDate;
        var (profile, problem) = await StoredProfileAsync(id, "version", version, records, profiles, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(evaluations.Result(evaluations.Evaluate(profile!, date, drafts, upgrade)));
    }

    private static async Task<Results<Ok<AssessmentResult>, ProblemHttpResult>> Assess(
        string id, string? at, string? version,
        EnterpriseRecords records, ProfileReader profiles, AssessmentService assessments, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (RequestInput.Date(at, clock, out var date) is { } badDate) return badDate;
        var (profile, problem) = await StoredProfileAsync(id, "version", version, records, profiles, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(AssessmentService.Result(assessments.Assess(profile!, date)));
    }

    private static async Task<Results<Ok<EntitlementChangesResult>, ProblemHttpResult>> Changes(
        string id, string? from, string? to, string? at,
        EnterpriseRecords records, ProfileReader profiles, EvaluationService evaluations, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (RequestInput.Date(at, clock, out var date) is { } badDate) return badDate;
        if (string.IsNullOrEmpty(from)) return Problems.Parameter("from", "from 必填：比较起点的版本号（如 1）");
        if (string.IsNullOrEmpty(to)) return Problems.Parameter("to", "to 必填：比较终点的版本号（如 2）");
        var (before, badFrom) = await StoredProfileAsync(id, "from", from, records, profiles, cancellationToken);
        if (badFrom is not null) return badFrom;
        var (after, badTo) = await StoredProfileAsync(id, "to", to, records, profiles, cancellationToken);
        if (badTo is not null) return badTo;
        var result = EntitlementChanges.Compare(
            evaluations.Evaluate(before!, date).Report, evaluations.Evaluate(after!, date).Report,
            int.Parse(from, CultureInfo.InvariantCulture), int.Parse(to, CultureInfo.InvariantCulture));
        return TypedResults.Ok(result);
    }

    private const string IfMatchHeader = "If-Match";

    /// <summary>The version a change starts from: <c>If-Match: "3"</c>, the ETag a read returned.</summary>
    private static ProblemHttpResult? IfMatch(HttpRequest request, out int version)
    {
        version = 0;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return Problems.PreconditionRequired("修改档案须在请求头 If-Match 中给出所基于的版本号，如 If-Match: \"3\"（即查看档案时返回的 ETag），以免覆盖他人的修改",
                "version-required", IfMatchHeader);
        var text = header.Trim();
        if (text.Length < 3 || text[0] != '"' || text[^1] != '"'
            || !int.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1)
            return Problems.Parameter(IfMatchHeader, $"If-Match 应为带引号的版本号，如 \"3\"，实际为“{header}”");
        return null;
    }

    /// <summary>The profile stored as version <paramref name="text"/> (the current one when empty),
    /// read again by the <see cref="ProfileReader"/>; or the problem to answer with.</summary>
    private static async Task<(EnterpriseProfile? Profile, ProblemHttpResult? Problem)> StoredProfileAsync(
        string id, string parameter, string? text, EnterpriseRecords records, ProfileReader profiles, CancellationToken cancellationToken)
    {
        string json;
        if (string.IsNullOrEmpty(text))
        {
            if (await records.GetAsync(id, cancellationToken) is not { } record) return (null, UnknownEnterprise(id));
            json = record.ProfileJson;
        }
        else
        {
            if (Number(parameter, text, 1, int.MaxValue, 1, out var number) is { } bad) return (null, bad);
            if (await records.GetVersionAsync(id, number, cancellationToken) is not { } version)
                return (null, await UnknownVersionAsync(id, number, parameter, records, cancellationToken));
            json = version.ProfileJson;
        }
        try
        {
            return (profiles.ReadText(json), null);
        }
        catch (ProfileException e)
        {
            // Stored when it was valid; the catalog's vocabulary has changed since.
            return (null, Problems.Conflict($"已存档的企业档案不再符合当前的档案格式（{e.Path}：{e.Reason}）；请修改档案后保存为新版本", "stored-profile-invalid", e.Path));
        }
    }

    private static ProblemHttpResult UnknownEnterprise(string id) =>
        Problems.NotFound($"没有企业 {id} 的档案；用 GET {Root} 查询已有档案", "id");

    private static async Task<ProblemHttpResult> UnknownVersionAsync(string id, int number, string parameter, EnterpriseRecords records, CancellationToken cancellationToken)
    {
        if (await records.GetAsync(id, cancellationToken) is not { } record) return UnknownEnterprise(id);
        return Problems.NotFound(string.Create(CultureInfo.InvariantCulture, $"企业 {id} 的档案没有第 {number} 版：现有第 1 至第 {record.Version} 版"), parameter);
    }

    private static ProblemHttpResult? Number(string name, string? text, int min, int max, int fallback, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text)) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return null;
        return Problems.Parameter(name, max == int.MaxValue
            ? $"{name} 应为正整数，实际为“{text}”"
            : string.Create(CultureInfo.InvariantCulture, $"{name} 应为 {min} 至 {max} 的整数，实际为“{text}”"));
    }

    private static ProblemHttpResult? Note(string? note) =>
        note is { Length: > SrdiDbContext.NoteLength }
            ? Problems.Parameter("note", string.Create(CultureInfo.InvariantCulture, $"note 过长：最多 {SrdiDbContext.NoteLength} 个字符，实际 {note.Length} 个"))
            : null;

    private static void SetETag(HttpResponse response, int version) =>
        response.Headers.ETag = string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
