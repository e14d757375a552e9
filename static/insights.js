// The Insights charts (PRODUCT I3), drawn with Chart.js from the figures the page already
// shows as tables. Without JavaScript, or if the library did not load, the tables stay open.
(function () {
  "use strict";

  function start() {
    const source = document.getElementById("insights-charts");
    if (!source || !window.Chart) return;
    const data = JSON.parse(source.textContent);
    const words = data.words;  // in the page's language (insights/views.py chart_words)
    const style = getComputedStyle(document.documentElement);
    const css = function (name) { return style.getPropertyValue(name).trim(); };
    const colours = {
      overall: css("--text"),
      talk: css("--chart-talk"),
      together: css("--chart-together"),
      appreciate: css("--chart-appreciate"),
      trust: css("--chart-trust"),
      support: css("--chart-support"),
    };
    const lang = document.documentElement.lang || undefined;
    const shortDate = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short" });
    const dayOf = function (iso) { return shortDate.format(new Date(iso + "T12:00:00")); };
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    Chart.defaults.color = css("--muted");
    Chart.defaults.borderColor = css("--border");
    Chart.defaults.font.family = style.fontFamily;
    Chart.defaults.animation = reduceMotion ? false : Chart.defaults.animation;
    Chart.defaults.plugins.legend.labels.boxWidth = 12;

    function show(canvasId) {
      const canvas = document.getElementById(canvasId);
      if (!canvas) return null;
      const box = canvas.closest(".chart-box");
      box.hidden = false;
      const table = box.parentElement.querySelector("details.chart-table");
      if (table) table.open = false;
      return canvas;
    }

    const overview = show("chart-overview");
    if (overview) {
      new Chart(overview, {
        type: "bar",
        data: {
          labels: data.pillars.map(function (key) { return data.names[key]; }),
          datasets: [
            {
              label: words.month_ago,
              data: data.pillars.map(function (key) { return data.overview.month_ago[key]; }),
              backgroundColor: css("--border"),
            },
            {
              label: words.now,
              data: data.pillars.map(function (key) { return data.overview.now[key]; }),
              backgroundColor: data.pillars.map(function (key) { return colours[key]; }),
            },
          ],
        },
        options: {
          indexAxis: "y",
          maintainAspectRatio: false,
          scales: { x: { min: 0, max: 100 } },
          plugins: { legend: { position: "bottom" } },
        },
      });
    }

    const trend = show("chart-trend");
    if (trend) {
      const series = ["overall"].concat(data.pillars);
      new Chart(trend, {
        type: "line",
        data: {
          labels: data.trend.map(function (point) { return dayOf(point.week); }),
          datasets: series.map(function (key) {
            const overall = key === "overall";
            return {
              label: overall ? words.overall : data.names[key],
              data: data.trend.map(function (point) { return point[key]; }),
              borderColor: colours[key],
              backgroundColor: colours[key],
              borderWidth: overall ? 3 : 1.5,
              pointRadius: overall ? 2 : 0,
              tension: 0.3,
            };
          }),
        },
        options: {
          maintainAspectRatio: false,
          interaction: { mode: "index", intersect: false },
          scales: { y: { min: 0, max: 100, ticks: { stepSize: 25 } } },
          plugins: { legend: { position: "bottom" } },
        },
      });
    }

    const calendar = show("chart-calendar");
    if (calendar) {
      const weeks = Math.ceil(data.calendar.length / 7);
      const most = Math.max(1, Math.max.apply(null, data.calendar.map(function (d) { return d.n; })));
      const accent = css("--accent");
      const weekdays = words.weekdays;
      new Chart(calendar, {
        type: "matrix",
        data: {
          datasets: [{
            label: words.moments_together,
            data: data.calendar.map(function (d, i) {
              return { x: Math.floor(i / 7) + 1, y: d.weekday, v: d.n, day: d.day };
            }),
            backgroundColor: function (context) {
              const cell = context.raw;
              if (!cell || !cell.v) return css("--surface-2");
              const alpha = Math.round(64 + (191 * cell.v) / most).toString(16).padStart(2, "0");
              return accent + alpha;
            },
            borderWidth: 0,
            width: function (context) { return (context.chart.chartArea || {}).width / weeks - 3; },
            height: function (context) { return (context.chart.chartArea || {}).height / 7 - 3; },
          }],
        },
        options: {
          maintainAspectRatio: false,
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                title: function (items) { return dayOf(items[0].raw.day); },
                label: function (item) {
                  const n = item.raw.v;
                  return (n === 1 ? words.moment_one : words.moment_many).replace("%(count)s", n);
                },
              },
            },
          },
          scales: {
            x: { type: "linear", min: 0.5, max: weeks + 0.5, offset: false, display: false },
            y: {
              type: "linear",
              reverse: true,
              min: 0.5,
              max: 7.5,
              offset: false,
              grid: { display: false },
              border: { display: false },
              afterBuildTicks: function (axis) {
                axis.ticks = [1, 2, 3, 4, 5, 6, 7].map(function (value) { return { value: value }; });
              },
              ticks: {
                stepSize: 1,
                callback: function (value) { return value % 2 ? weekdays[value - 1] : ""; },
              },
            },
          },
        },
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
