using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Srdi.Application.Contracts;
using Srdi.Application.Profiles;

namespace Srdi.Web.Hosting;

/// <summary>The API's refusals as RFC 7807 problem+json: a Chinese title and detail for people,
/// a <c>code</c> for programs and, when one field is at fault, its name or JSON path in
/// <c>field</c> (the same code, message and field as <see cref="ErrorResult"/>).</summary>
public static class Problems
{
    /// <summary>Chinese titles for the statuses the API answers with, also given to the problems
    /// the framework writes itself (an unknown route, a wrong method).</summary>
    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求无效",
        StatusCodes.Status401Unauthorized => "需要登录或 API 令牌",
        StatusCodes.Status403Forbidden => "无权访问",
        StatusCodes.Status404NotFound => "未找到",
        StatusCodes.Status405MethodNotAllowed => "不支持该请求方法",
        StatusCodes.Status409Conflict => "与已有数据冲突",
        StatusCodes.Status412PreconditionFailed => "档案已被他人修改",
        StatusCodes.Status413PayloadTooLarge => "请求体过大",
        StatusCodes.Status415UnsupportedMediaType => "不支持的内容类型",
        StatusCodes.Status428PreconditionRequired => "缺少所基于的版本号",
        StatusCodes.Status429TooManyRequests => "请求过于频繁",
        StatusCodes.Status500InternalServerError => "服务器内部错误",
        _ => "请求未能完成",
    };

    /// <summary>What to tell a person when the framework refused a request without saying why.</summary>
    public static string? Detail(int status) => status switch
    {
        StatusCodes.Status404NotFound => "没有这个地址；API 的全部路由见 /openapi/v1.json。",
        StatusCodes.Status405MethodNotAllowed => "该地址不支持此请求方法；各路由的方法见 /openapi/v1.json。",
        StatusCodes.Status415UnsupportedMediaType => "请求体应为 JSON：请设置 Content-Type: application/json。",
        _ => null,
    };

    /// <summary>A query or route parameter with a value the API cannot use.</summary>
    public static ProblemHttpResult Parameter(string field, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "请求参数无效", detail, "invalid-parameter", field);

    /// <summary>A profile refused by the <see cref="ProfileReader"/>: its reason and JSON path.</summary>
    public static ProblemHttpResult Profile(ProfileException error)
    {
        var e = ErrorResult.From(error);
        return Problem(StatusCodes.Status400BadRequest, "企业档案无效", e.Message, e.Code, e.Field);
    }

    public static ProblemHttpResult NotFound(string detail, string field) =>
        Problem(StatusCodes.Status404NotFound, Title(StatusCodes.Status404NotFound), detail, "not-found", field);

    /// <summary>The request conflicts with what is stored (an id that already has a record).</summary>
    public static ProblemHttpResult Conflict(string detail, string code, string? field) =>
        Problem(StatusCodes.Status409Conflict, Title(StatusCodes.Status409Conflict), detail, code, field);

    /// <summary>A change made from a version that is no longer the current one (If-Match).</summary>
    public static ProblemHttpResult PreconditionFailed(string detail, string code, string? field) =>
        Problem(StatusCodes.Status412PreconditionFailed, Title(StatusCodes.Status412PreconditionFailed), detail, code, field);

    /// <summary>A change that does not say which version it starts from.</summary>
    public static ProblemHttpResult PreconditionRequired(string detail, string code, string? field) =>
        Problem(StatusCodes.Status428PreconditionRequired, Title(StatusCodes.Status428PreconditionRequired), detail, code, field);

    public static ProblemHttpResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, Title(StatusCodes.Status413PayloadTooLarge),
            string.Create(CultureInfo.InvariantCulture, $"请求体超过 {limit} 字节的上限；企业档案通常只有几千字节。"), "body-too-large", null);

    private static ProblemHttpResult Problem(int status, string title, string detail, string code, string? field)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (field is not null) extensions["field"] = field;
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>Writes a problem outside an endpoint (an authentication challenge, a refusal by
    /// the rate limiter), through the same problem+json writer as the endpoints.</summary>
    public static Task Write(HttpContext context, int status, string detail, string code) =>
        Problem(status, Title(status), detail, code, null).ExecuteAsync(context);

    /// <summary>Whether a title is already written for people in Chinese.</summary>
    internal static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
