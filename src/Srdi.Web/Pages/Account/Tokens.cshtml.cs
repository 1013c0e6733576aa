using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Storage.Accounts;
using Srdi.Web.Accounts;

namespace Srdi.Web.Pages.Account;

/// <summary>The signed-in user's API tokens: make one (shown once), list, revoke. A program
/// using a token acts as this user and sees only what this user sees.</summary>
[Authorize]
public sealed class TokensModel(ApiTokens tokens) : PageModel
{
    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<ApiTokenLine> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() => Tokens = await tokens.ListAsync(User.UserId()!, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Srdi.Storage.Database.SrdiDbContext.UserLength)
            Error = "请给令牌起一个名称（不超过 100 个字符），例如“对接报表系统”。";
        else if (await tokens.CreateAsync(User.UserId()!, name, HttpContext.RequestAborted) is { } token)
            NewToken = token;
        else
            Error = "有效令牌已达上限，请先撤销不用的令牌。";
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        await tokens.RevokeAsync(User.UserId()!, id, HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
