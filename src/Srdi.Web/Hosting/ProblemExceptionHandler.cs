using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Srdi.Web.Hosting;

/// <summary>Every exception a handler did not turn into a problem: a request Kestrel refused
/// (a body over the limit: 413) keeps its status; anything else is a 500 whose problem says, in
/// Chinese, that the server failed, and never carries the exception's message or stack trace
/// (those go to the log).</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "body-too-large", "请求体超过允许的上限。"),
            BadHttpRequestException bad => (bad.StatusCode, "bad-request", "请求无法解析，请检查参数和请求体。"),
            _ => (StatusCodes.Status500InternalServerError, "internal-error", "处理请求时发生意外错误，已记录在服务器日志中；请稍后重试。"),
        };
        if (status == StatusCodes.Status500InternalServerError) LogUnexpected(logger, exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = Problems.Title(status), Detail = detail };
        problem.Extensions["code"] = code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error on {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, PathString path);
}
