"""Entry shim: `python main.py 2020 2021` runs the same CLI as `compare 2020 2021`."""

from compare.cli import run

if __name__ == "__main__":
    run()
