// Draws the yearly schedule of the 政策体检报告 as a stacked bar chart, one bar per year of
// the schedules, one colour per measure. The figures come from the page itself (the
// data-schedule attribute the server wrote); the table beside the chart says the same in text,
// so the page reads fully without this script.
(function () {
  'use strict';
  var palette = ['#0b57d0', '#1e8e3e', '#e37400', '#a142f4', '#d93025', '#12b5cb', '#f9ab00', '#5f6368'];
  function wan(value) {
    return (value / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) + '万元';
  }
  document.querySelectorAll('canvas[data-schedule]').forEach(function (canvas) {
    if (typeof Chart === 'undefined') return;
    var data = JSON.parse(canvas.getAttribute('data-schedule'));
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          return { label: s.name, data: s.values, backgroundColor: palette[i % palette.length], stack: 'money' };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + '：' + wan(c.parsed.y); } } }
        },
        scales: {
          x: { stacked: true },
          y: { stacked: true, ticks: { callback: function (v) { return wan(v); } } }
        }
      }
    });
  });
})();
